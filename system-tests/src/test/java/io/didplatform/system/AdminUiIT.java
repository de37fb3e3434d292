package io.didplatform.system;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The seed's steps in the admin UI, in headless Chromium, against the running platform, never reloading the
 * page: every change shows by itself. Screenshots of each step: system-tests/target/browser/.
 */
class AdminUiIT {
    private static final Path SCREENSHOTS = Path.of("target", "browser");
    private static final Duration PATIENCE = Duration.ofSeconds(20);
    private static WebDriver browser;
    private static String gateway;
    private int shot;

    @BeforeAll
    static void openBrowser() throws IOException {
        gateway = RunningPlatform.get().gatewayUrl();
        Files.createDirectories(SCREENSHOTS);
        browser = HeadlessChromium.open();
    }

    @AfterAll
    static void closeBrowser() {
        if (browser != null) {
            browser.quit();
        }
    }

    @Test
    void theSeedsStepsWorkInTheBrowserAndEveryChangeShowsWithoutAReload() throws IOException {
        String prefix = "1559" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        String suffix = prefix.substring(4);
        browser.get(gateway + "/");
        logIn("admin", "admin");
        markPage();

        tab("operators");
        click(button("+ New operator"));
        type("dialog[open] input[name=name]", "Browser Carrier " + suffix);
        submitDialog();
        waitForText("table.data", "Browser Carrier " + suffix);
        screenshot("operator-created");

        tab("dids");
        click(button("+ New DIDs"));
        // the radio buttons are drawn as a segmented control: the label is what a user clicks
        click(By.xpath("//dialog[@open]//label[.//input[@name='mode' and @value='range']]"));
        type("dialog[open] input[name=from]", prefix + "00");
        type("dialog[open] input[name=to]", prefix + "19");
        new Select(inDialog("select[name=operatorId]")).selectByVisibleText("Browser Carrier " + suffix);
        submitDialog();
        waitForText("dialog[open] .job-state", "COMPLETED");
        screenshot("range-created");
        click(button("Close"));
        filterDids(prefix);
        waitForText("table.data", prefix + "19");

        // a DID's panel follows what another user changes meanwhile: its fields and its history
        click(By.xpath("//table[contains(@class,'data')]//tr[.//*[normalize-space()='" + prefix + "02']]//td[2]"));
        waitFor("aside.drawer dl.facts");
        new Api(gateway, "operator", "operator").send("PATCH", "/api/dids/" + prefix + "02", Map.of("notes", "changed elsewhere"));
        waiting().until(ExpectedConditions.presenceOfElementLocated(
                By.xpath("//aside[contains(@class,'drawer')]//dd[normalize-space()='changed elsewhere']")));
        waitForText("aside.drawer", "DidUpdated");
        screenshot("did-panel-follows-another-user");
        click(By.cssSelector("aside.drawer button.close"));

        Path file = Files.writeString(Files.createTempFile("dids", ".csv"),
                "did,tag\n" + prefix + "50,nyc\n" + prefix + "51,nyc\nnot-a-number,nyc\n");
        click(button("Import…"));
        inDialog("input[type=file]").sendKeys(file.toAbsolutePath().toString());
        new Select(inDialog("select[name=operatorId]")).selectByVisibleText("Browser Carrier " + suffix);
        submitDialog();
        waitForText("dialog[open] .job-state", "COMPLETED");
        waitForText("dialog[open] .job-errors", "not-a-number");
        screenshot("import-with-a-bad-row");
        click(button("Run for real")); // the first run was the preview (a dry run)
        waitForText("dialog[open] .job-state", "import ·");
        waitForText("dialog[open] .job-state", "COMPLETED");
        click(button("Close"));
        waitForText("table.data", prefix + "51");

        // the import was a mistake: undo it from the Jobs screen, after its preview
        tab("jobs");
        click(By.xpath("(//table[contains(@class,'data')]//tbody/tr)[1]//button[normalize-space()='Undo']"));
        waitForText("dialog[open] .job-state", "COMPLETED");
        screenshot("undo-preview");
        click(button("Undo for real"));
        waitForText("dialog[open] .job-state", "undo ·");
        waitForText("dialog[open] .job-state", "COMPLETED");
        screenshot("import-undone");
        click(button("Close"));
        tab("dids");
        filterDids(prefix);
        waitForText("table.data", prefix + "19");
        waiting().until(ExpectedConditions.not(
                ExpectedConditions.textToBePresentInElementLocated(By.cssSelector("table.data"), prefix + "51")));

        tab("packages");
        click(button("+ New package"));
        type("dialog[open] input[name=name]", "Browser Package " + suffix);
        WebElement limit = inDialog("input[name=didLimit]");
        limit.clear();
        limit.sendKeys("5");
        submitDialog();
        waitForText("table.data", "Browser Package " + suffix);

        tab("clients");
        click(button("+ New client"));
        type("dialog[open] input[name=name]", "Browser Client " + suffix);
        type("dialog[open] input[name=email]", "noc" + suffix + "@browser.test");
        submitDialog();
        click(By.linkText("Browser Client " + suffix));

        click(button("+ Give a package"));
        new Select(inDialog("select[name=packageId]")).selectByVisibleText("Browser Package " + suffix);
        submitDialog();
        // the take form shows once the client has an active package (the client's own ACTIVE badge is no sign of
        // it), and the dialog closes once the package is given: until then it makes the page inert
        waiting().until(ExpectedConditions.invisibilityOfElementLocated(By.cssSelector("dialog[open]")));
        waitFor("form.inline-form input[name=number]");
        screenshot("package-given");

        String number = prefix + "07";
        type("form.inline-form input[name=number]", number);
        type("form.inline-form input[name=destination]", "sip:100@pbx.browser.test");
        click(button("Take DID"));
        waitForText(".outcome", "now assigned");
        waitForDidStatus(number, "ACTIVE");
        screenshot("did-taken");

        click(button("Deactivate"));
        WebElement confirmation = waitFor("dialog[open]");
        assertThat(confirmation.getText()).contains("HOLD").contains("1 minute").contains("After Hold status"); // HOLD_PERIOD
        screenshot("deactivate-confirmation");
        submitDialog();
        // the hold cascade runs in inventory; the client page hears of it through the live feed, no reload
        waitForDidStatus(number, "HOLD");
        screenshot("deactivated-did-on-hold");
        click(button("Activate"));
        waitForDidStatus(number, "ACTIVE");
        screenshot("activated-did-active-again");
        assertPageNeverReloaded();

        click(button("Log out"));
        logIn("auditor", "auditor");
        markPage();
        tab("dids");
        waitFor("table.data, .empty");
        assertThat(browser.findElements(By.xpath("//button[normalize-space()='+ New DIDs']"))).isEmpty();
        assertThat(browser.findElements(By.xpath("//button[normalize-space()='Import…']"))).isEmpty();
        tab("audit");
        click(By.cssSelector("nav.subtabs a[href='#/audit/did']"));
        type("form.filters input[name=number]", number);
        click(By.cssSelector("form.filters button[type=submit]"));
        waitForText("#content", "DidHeld");
        waitForText("#content", "DidRestored");
        assertThat(browser.findElements(By.xpath("//button[contains(normalize-space(), 'Rebuild')]"))).isEmpty();
        screenshot("auditor-history");
        assertNoScriptErrors();
    }

    private static WebDriverWait waiting() {
        return new WebDriverWait(browser, PATIENCE);
    }

    private void logIn(String user, String password) {
        type("form.login-card input[name=user]", user);
        type("form.login-card input[name=password]", password);
        click(By.cssSelector("form.login-card button[type=submit]"));
        waitFor("nav.tabs");
    }

    /** A flag on the page: it is gone if the page was ever loaded again. */
    private void markPage() {
        ((JavascriptExecutor) browser).executeScript("window.__sameDocument = true;");
    }

    private void assertPageNeverReloaded() {
        assertThat(((JavascriptExecutor) browser).executeScript("return window.__sameDocument === true;")).isEqualTo(true);
    }

    private void tab(String view) {
        click(By.cssSelector("nav.tabs a[data-view='" + view + "']"));
        waiting().until(ExpectedConditions.attributeContains(By.cssSelector("nav.tabs a[data-view='" + view + "']"), "class", "active"));
    }

    private void filterDids(String prefix) {
        WebElement number = waitFor("form.filters input[name=number]");
        number.clear();
        number.sendKeys(prefix);
        click(By.xpath("//form[contains(@class,'filters')]//button[normalize-space()='Search']"));
    }

    private void waitForDidStatus(String number, String status) {
        By row = By.xpath("//tr[.//a[normalize-space()='" + number + "']]//span[contains(@class,'badge') and @data-value='"
                + status + "']");
        waiting().until(ExpectedConditions.presenceOfElementLocated(row));
    }

    private static By button(String text) {
        return By.xpath("//button[normalize-space()='" + text + "']");
    }

    private WebElement inDialog(String css) {
        return waitFor("dialog[open] " + css);
    }

    private void submitDialog() {
        click(By.cssSelector("dialog[open] footer button[type=submit]"));
    }

    private WebElement waitFor(String css) {
        return waiting().until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)));
    }

    private void waitForText(String css, String text) {
        waiting().until(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(css), text));
    }

    /** Finds and clicks in one step, again if a live refresh redrew the element in between. */
    private static void click(By target) {
        waiting().ignoring(StaleElementReferenceException.class).until(driver -> {
            WebElement element = ExpectedConditions.elementToBeClickable(target).apply(driver);
            if (element == null) {
                return false;
            }
            element.click();
            return true;
        });
    }

    /** Types into the field the selector finds, found again if a live refresh redrew it (redraws keep typed text). */
    private static void type(String css, String text) {
        waiting().ignoring(StaleElementReferenceException.class).until(driver -> {
            WebElement field = ExpectedConditions.visibilityOfElementLocated(By.cssSelector(css)).apply(driver);
            if (field == null) {
                return false;
            }
            field.sendKeys(text);
            return true;
        });
    }

    private void screenshot(String step) throws IOException {
        byte[] png = ((TakesScreenshot) browser).getScreenshotAs(OutputType.BYTES);
        Files.write(SCREENSHOTS.resolve(String.format("%02d-%s.png", ++shot, step)), png);
    }

    /** Failed requests the UI shows as messages are fine; a script error is not. */
    private void assertNoScriptErrors() {
        List<String> errors = browser.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .filter(message -> !message.contains("Failed to load resource"))
                .toList();
        assertThat(errors).isEmpty();
    }
}
