package io.didplatform.system;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * Issue 19's tamper-evident audit, as a new user tries it through the gateway: a DID's audit verifies clean; one
 * audit row changed with SQL (as with psql), Verify names exactly that entry, through the API and in the admin UI
 * (Audit › Verify, in headless Chromium); an operator may not verify.
 */
class AuditVerifyIT {
    private static String gateway;
    private static Api admin;
    private static Api auditor;
    private static Api operator;

    @BeforeAll
    static void startPlatform() {
        gateway = RunningPlatform.get().gatewayUrl();
        admin = new Api(gateway, "admin", "admin");
        auditor = new Api(gateway, "auditor", "auditor");
        operator = new Api(gateway, "operator", "operator");
    }

    @Test
    void aRowChangedInTheDatabaseByHandIsNamedByVerify() throws Exception {
        String operatorId = admin.post("/api/operators", Map.of("name", "Verify Carrier")).text("id");
        String number = "1555" + ThreadLocalRandom.current().nextInt(1_000_000, 9_999_999);
        assertThat(admin.post("/api/dids", Map.of("number", number, "operatorId", operatorId)).status()).isEqualTo(201);
        assertThat(admin.send("PATCH", "/api/dids/" + number, Map.of("notes", "first note")).status()).isEqualTo(200);
        assertThat(admin.send("PATCH", "/api/dids/" + number, Map.of("notes", "second note")).status()).isEqualTo(200);

        await().atMost(Duration.ofSeconds(60)).untilAsserted(() ->
                assertThat(auditor.get("/api/audit/verify?did=" + number).body().path("verified").asInt()).isEqualTo(3));
        JsonNode clean = auditor.get("/api/audit/verify?did=" + number).body();
        assertThat(clean.path("firstMismatch").isNull()).isTrue();
        assertThat(operator.get("/api/audit/verify?did=" + number).status()).isEqualTo(403);

        String changed = auditor.get("/api/audit/events?subject=" + number + "&sort=at,asc").body()
                .path("content").get(1).path("eventId").asText();
        try (Connection db = RunningPlatform.get().database("audit-service");
             PreparedStatement update = db.prepareStatement("update audit_event set actor = 'mallory' where event_id = ?")) {
            update.setString(1, changed);
            assertThat(update.executeUpdate()).isEqualTo(1);
        }

        JsonNode tampered = auditor.get("/api/audit/verify?did=" + number).body();
        assertThat(tampered.path("verified").asInt()).isEqualTo(2);
        JsonNode mismatch = tampered.path("firstMismatch");
        assertThat(mismatch.path("eventId").asText()).isEqualTo(changed);
        assertThat(mismatch.path("check").asText()).isEqualTo("hash");
        assertThat(mismatch.path("streamSeq").asInt()).isEqualTo(2);
        assertThat(mismatch.path("changedFields").toString()).isEqualTo("[\"actor\"]");
        assertThat(mismatch.path("expected").asText()).isNotEqualTo(mismatch.path("stored").asText());

        WebDriver browser = HeadlessChromium.open();
        try {
            WebElement result = verifyInTheUi(browser, number);
            assertThat(result.getAttribute("data-verified")).isEqualTo("false");
            assertThat(result.getText()).contains("The audit log was changed").contains("DidUpdated").contains(number)
                    .contains("entry 2 of its stream").contains(changed).contains("actor");
        } finally {
            browser.quit();
        }
    }

    /** Logs in to the admin UI as the auditor, verifies the DID under Audit › Verify, and answers the result shown. */
    private static WebElement verifyInTheUi(WebDriver browser, String number) {
        WebDriverWait waiting = new WebDriverWait(browser, Duration.ofSeconds(20));
        waiting.ignoring(StaleElementReferenceException.class);
        browser.get(gateway + "/");
        waiting.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form.login-card input[name=user]")))
                .sendKeys("auditor");
        browser.findElement(By.cssSelector("form.login-card input[name=password]")).sendKeys("auditor");
        browser.findElement(By.cssSelector("form.login-card button[type=submit]")).click();
        waiting.until(ExpectedConditions.elementToBeClickable(By.cssSelector("nav.tabs a[data-view='audit']"))).click();
        waiting.until(ExpectedConditions.elementToBeClickable(By.cssSelector("nav.subtabs a[href='#/audit/verify']")))
                .click();
        waiting.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector("form.filters input[name=did]")))
                .sendKeys(number);
        browser.findElement(By.cssSelector("form.filters button[type=submit]")).click();
        return waiting.until(ExpectedConditions.visibilityOfElementLocated(By.cssSelector(".verify-result")));
    }
}
