package io.didplatform.system;

import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;

import java.io.File;
import java.util.logging.Level;

import static org.assertj.core.api.Assertions.assertThat;

/** Debian's chromium, headless, driven by its chromedriver, with the page's console kept for the tests to read. */
final class HeadlessChromium {

    private HeadlessChromium() {
    }

    static WebDriver open() {
        File chromium = new File(System.getProperty("chromium.binary", "/usr/bin/chromium"));
        File driver = new File(System.getProperty("chromedriver.binary", "/usr/bin/chromedriver"));
        assertThat(chromium).as("Debian's chromium (apt-get install chromium chromium-driver; .ci/run installs it)").exists();
        assertThat(driver).as("Debian's chromedriver (apt-get install chromium-driver)").exists();
        ChromeOptions options = new ChromeOptions().setBinary(chromium)
                .addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--window-size=1440,1000",
                        "--lang=en-US");
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        return new ChromeDriver(new ChromeDriverService.Builder().usingDriverExecutable(driver).build(), options);
    }
}
