package org.outreachcrm.testsupport;

import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.logging.Level;

import org.jspecify.annotations.Nullable;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Headless Debian Chromium driven by Selenium, as a JUnit extension: register it with
 * {@code @RegisterExtension static Browser browser = new Browser();}. It starts one
 * browser per test class, saves a screenshot under {@code target/screenshots/} when a
 * test fails, and skips the tests when Chromium is not installed, unless the system
 * property {@code crm.test.browser.required} is {@code true} (CI), where a missing
 * browser fails.
 */
public final class Browser implements BeforeAllCallback, AfterAllCallback, AfterTestExecutionCallback {

	/** Where Debian's {@code chromium} package installs the browser. */
	public static final Path CHROMIUM = Path.of("/usr/bin/chromium");

	/** Where Debian's {@code chromium-driver} package installs the driver. */
	public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

	private static final Path SCREENSHOTS = Path.of("target", "screenshots");

	private static final Duration WAIT = Duration.ofSeconds(15);

	private @Nullable WebDriver driver;

	private @Nullable Path profile;

	private final @Nullable Path downloads;

	public Browser() {
		this(null);
	}

	private Browser(@Nullable Path downloads) {
		this.downloads = downloads;
	}

	/**
	 * A browser that saves downloads into {@code dir} without asking, so that tests can
	 * open what a page offers for download.
	 */
	public static Browser downloadingTo(Path dir) {
		return new Browser(dir.toAbsolutePath());
	}

	@Override
	public void beforeAll(ExtensionContext context) throws IOException {
		boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
		String why = "Browser tests need " + CHROMIUM + " and " + CHROMEDRIVER
				+ " (apt-get install chromium chromium-driver)";
		if (!installed) {
			if (Boolean.getBoolean("crm.test.browser.required")) {
				throw new IllegalStateException(why + "; crm.test.browser.required=true forbids skipping");
			}
			Assumptions.abort(why + "; skipping");
		}
		this.profile = Files.createTempDirectory("crm-chromium-");
		ChromeOptions options = new ChromeOptions();
		options.setBinary(CHROMIUM.toFile());
		// a fresh profile and no background traffic: tests must not depend on the machine
		options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
				"--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
				"--window-size=1280,900", "--lang=en-US", "--user-data-dir=" + this.profile);
		if (this.downloads != null) {
			Files.createDirectories(this.downloads);
			options.setExperimentalOption("prefs", Map.of("download.default_directory", this.downloads.toString(),
					"download.prompt_for_download", false, "download.directory_upgrade", true));
		}
		// keep the console so that tests can check for Content-Security-Policy violations
		options.setCapability("goog:loggingPrefs", Map.of(LogType.BROWSER, "ALL"));
		ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
			.usingAnyFreePort()
			.build();
		this.driver = new ChromeDriver(service, options);
	}

	@Override
	public void afterTestExecution(ExtensionContext context) {
		if (context.getExecutionException().isPresent() && this.driver != null) {
			screenshot(context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName()
					+ "-failure");
		}
	}

	@Override
	public void afterAll(ExtensionContext context) throws IOException {
		if (this.driver != null) {
			this.driver.quit();
			this.driver = null;
		}
		if (this.profile != null) {
			try (var paths = Files.walk(this.profile)) {
				paths.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
			}
		}
	}

	/** The browser of the current test class. */
	public WebDriver driver() {
		if (this.driver == null) {
			throw new IllegalStateException("The browser is not running");
		}
		return this.driver;
	}

	/**
	 * Waits (up to 15 s) until {@code condition} returns something other than null or
	 * false.
	 */
	public <T> T waitUntil(Function<WebDriver, T> condition) {
		return new WebDriverWait(driver(), WAIT).until(condition::apply);
	}

	/**
	 * Clicks an element after scrolling it to the middle of the window, as a person
	 * would; a plain click fails on elements below the fold. The scroll is instant
	 * because Bootstrap makes it smooth, and a click during the animation misses.
	 */
	public void click(By locator) {
		WebElement element = waitUntil(ExpectedConditions.presenceOfElementLocated(locator));
		((JavascriptExecutor) driver())
			.executeScript("arguments[0].scrollIntoView({block: 'center', behavior: 'instant'});", element);
		waitUntil(ExpectedConditions.elementToBeClickable(element)).click();
	}

	/**
	 * Logs in through the login page of the application at {@code port} and waits for the
	 * home page, where a login lands. The page is asked for in English, so every test
	 * starts there whatever language the last one left in the cookie.
	 */
	public void logIn(int port, String username, String password) {
		WebDriver driver = driver();
		driver.get(url(port, "/login?lang=en"));
		driver.findElement(By.id("username")).sendKeys(username);
		driver.findElement(By.id("password")).sendKeys(password);
		click(By.cssSelector("main form button[type=submit]"));
		waitUntil(ExpectedConditions.urlToBe(url(port, "/")));
	}

	/**
	 * Chooses an option of a type-ahead field (a {@code <select data-choices>} that Tom
	 * Select turned into a text field) as a person does: types {@code typed}, waits until
	 * the list's highlighted option contains {@code expected}, presses Enter.
	 */
	public void choose(String selectId, String typed, String expected) {
		// a single choice hides its text field behind the chosen item until clicked; a
		// click
		// on a field that has the focus with its list open would close it (Tom Select
		// blurs)
		WebElement focused = driver().switchTo().activeElement();
		if (!(selectId + "-ts-control").equals(focused.getAttribute("id"))) {
			click(By.cssSelector("#" + selectId + " + .ts-wrapper .ts-control"));
		}
		WebElement field = waitUntil((d) -> {
			WebElement active = d.switchTo().activeElement();
			return (selectId + "-ts-control").equals(active.getAttribute("id")) ? active : null;
		});
		field.sendKeys(typed);
		// Tom Select filters a moment after typing: Enter before that picks the old match
		waitUntil(ExpectedConditions.textToBePresentInElementLocated(By.cssSelector(".ts-dropdown .option.active"),
				expected));
		field.sendKeys(org.openqa.selenium.Keys.ENTER);
	}

	/** The address of {@code path} on the application at {@code port} on this machine. */
	public static String url(int port, String path) {
		return "http://localhost:" + port + path;
	}

	/** Console messages of level SEVERE since the last call (the log is drained). */
	public List<String> consoleErrors() {
		return driver().manage()
			.logs()
			.get(LogType.BROWSER)
			.getAll()
			.stream()
			.filter((entry) -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
			.map(LogEntry::getMessage)
			.toList();
	}

	/** Saves the visible page as {@code target/screenshots/<name>.png}. */
	public Path screenshot(String name) {
		try {
			Files.createDirectories(SCREENSHOTS);
			File shot = ((TakesScreenshot) driver()).getScreenshotAs(OutputType.FILE);
			Path target = SCREENSHOTS.resolve(name + ".png");
			Files.copy(shot.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
			return target;
		}
		catch (IOException ex) {
			throw new UncheckedIOException(ex);
		}
	}

}
