package io.didplatform.system;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The gateway's one Swagger UI, as a developer would use it, opened from the admin UI: it lists every service's
 * document, and "try it out" answers through the gateway as the user logged in to the admin UI in that tab. Screenshots: system-tests/target/browser/.
 */
class SwaggerUiIT {
    private static final Path SCREENSHOTS = Path.of("target", "browser");
    private static WebDriver browser;
    private static WebDriverWait waiting;

    @BeforeAll
    static void openBrowser() throws IOException {
        Files.createDirectories(SCREENSHOTS);
        browser = HeadlessChromium.open();
        waiting = new WebDriverWait(browser, Duration.ofSeconds(30));
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void everyServiceIsListedAndTryItOutAnswersAsTheUserLoggedInToTheAdminUi() throws IOException {
        String gateway = RunningPlatform.get().gatewayUrl();
        browser.get(gateway + "/");
        browser.findElement(By.cssSelector("form.login-card input[name=user]")).sendKeys("operator");
        browser.findElement(By.cssSelector("form.login-card input[name=password]")).sendKeys("operator");
        browser.findElement(By.cssSelector("form.login-card button[type=submit]")).click();
        waiting.until(ExpectedConditions.elementToBeClickable(By.linkText("API"))).click();

        Select definitions = new Select(waiting.until(ExpectedConditions.elementToBeClickable(
                By.cssSelector(".topbar select"))));
        assertThat(definitions.getOptions()).extracting(WebElement::getText).contains("did-inventory-service",
                "package-service", "client-service", "audit-service", "gateway");
        definitions.selectByVisibleText("did-inventory-service");
        By holdPolicy = By.xpath("//div[contains(@class,'opblock-get')]"
                + "[.//*[contains(@class,'opblock-summary-path') and @data-path='/api/dids/hold-policy']]"
                + "//button[contains(@class,'opblock-summary-control')]");
        waiting.until(ExpectedConditions.elementToBeClickable(holdPolicy)).click();
        waiting.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".opblock.is-open .try-out__btn"))).click();
        waiting.until(ExpectedConditions.elementToBeClickable(By.cssSelector(".opblock.is-open .execute"))).click();

        waiting.until(ExpectedConditions.textToBePresentInElementLocated(
                By.cssSelector(".opblock.is-open .live-responses-table tbody .response-col_status"), "200"));
        assertThat(browser.findElement(By.cssSelector(".opblock.is-open .live-responses-table tbody .response-col_description"))
                .getText()).contains("\"periodSeconds\"");
        Files.write(SCREENSHOTS.resolve("swagger-try-it-out.png"),
                ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES));
    }
}
