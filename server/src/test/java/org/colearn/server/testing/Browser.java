package org.colearn.server.testing;

import static org.junit.jupiter.api.Assertions.fail;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.function.BooleanSupplier;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.chromium.ChromiumNetworkConditions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * One person's headless Chromium, driven the way a person uses the app: by labels, button texts and what the page
 * says. Uses Debian's chromium and chromedriver, never Selenium Manager, and a fresh profile that is deleted on close.
 */
public final class Browser implements AutoCloseable {

    public static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    public static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final String AXE = "META-INF/resources/webjars/axe-core/4.6.3/axe.min.js";
    private static final String TARGET_SIZE = "a11y/target-size.js";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ChromeDriver driver;
    private final Path profile;
    private final List<String> extraArguments;
    private WebDriverWait wait;

    private Browser(ChromeDriver driver, Path profile, List<String> extraArguments) {
        this.driver = driver;
        this.profile = profile;
        this.extraArguments = extraArguments;
        // The app re-renders whole sections, so an element found a moment ago may be gone: look again.
        this.wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        this.wait.ignoring(StaleElementReferenceException.class);
    }

    /** True when Debian's chromium and its driver are installed. */
    public static boolean available() {
        return Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
    }

    public static Browser open() {
        return open(List.of());
    }

    /**
     * A browser with fake camera and microphone that it may use without asking, and WebRTC allowed on loopback: for
     * voice and video, whose packets then stay on this machine. Every peer connection a page makes is kept in
     * {@code window.colearnTestPeerConnections}, for {@link #inboundMediaBytes()}.
     */
    public static Browser withMedia() {
        Browser browser = open(List.of(
                "--use-fake-device-for-media-stream",
                "--use-fake-ui-for-media-stream",
                "--allow-loopback-in-peer-connection",
                "--disable-features=WebRtcHideLocalIpsWithMdns",
                "--autoplay-policy=no-user-gesture-required"));
        browser.driver.executeCdpCommand("Page.addScriptToEvaluateOnNewDocument", java.util.Map.of("source",
                "(() => { const Native = window.RTCPeerConnection; if (!Native) return;"
                        + " window.colearnTestPeerConnections = [];"
                        + " const Kept = function (...args) { const pc = new Native(...args); window.colearnTestPeerConnections.push(pc); return pc; };"
                        + " Kept.prototype = Native.prototype; Object.setPrototypeOf(Kept, Native);"
                        + " window.RTCPeerConnection = Kept; })();"));
        return browser;
    }

    /**
     * A browser whose camera and microphone exist (fake ones) but that refuses them to every page, as a person who
     * pressed "Block" would: permission prompts are denied instead of shown.
     */
    public static Browser withBlockedMedia() {
        return open(List.of(
                "--use-fake-device-for-media-stream",
                "--deny-permission-prompts",
                "--allow-loopback-in-peer-connection",
                "--disable-features=WebRtcHideLocalIpsWithMdns"));
    }

    /** Logs in like {@link #loggedIn}, in a browser {@link #withBlockedMedia}. */
    public static Browser loggedInWithBlockedMedia(String baseUrl, String email, String path) {
        return logIn(withBlockedMedia(), baseUrl, email, path);
    }

    /** Logs in like {@link #loggedIn}, in a browser {@link #withMedia}. */
    public static Browser loggedInWithMedia(String baseUrl, String email, String path) {
        return logIn(withMedia(), baseUrl, email, path);
    }

    private static Browser logIn(Browser browser, String baseUrl, String email, String path) {
        try {
            browser.visit(baseUrl + "#/login?next=" + URLEncoder.encode(path, StandardCharsets.UTF_8));
            browser.fill("Email address", email);
            browser.fill("Password", People.PASSWORD);
            browser.press("Log in");
            return browser;
        } catch (RuntimeException | AssertionError e) {
            browser.close();
            throw e;
        }
    }

    /**
     * How many audio and video bytes the page's open peer connections received over one second, read from
     * {@code getStats()} in the page before and after: audio first, then video. Connections that have closed (a call
     * left) do not count.
     */
    public long[] inboundMediaGrowth() {
        Object result = driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "const read = () => Promise.all((window.colearnTestPeerConnections || [])"
                        + " .filter((pc) => pc.connectionState !== 'closed' && pc.signalingState !== 'closed')"
                        + " .map((pc) => pc.getStats())).then((all) => { let audio = 0; let video = 0;"
                        + " all.forEach((report) => report.forEach((s) => { if (s.type === 'inbound-rtp') {"
                        + " if (s.kind === 'audio') audio += s.bytesReceived; else video += s.bytesReceived; } }));"
                        + " return [audio, video]; });"
                        + "read().then((before) => setTimeout(() => read().then((after) =>"
                        + " done([after[0] - before[0], after[1] - before[1]])), 1000)).catch(() => done([-1, -1]));");
        List<?> bytes = (List<?>) result;
        return new long[] {((Number) bytes.get(0)).longValue(), ((Number) bytes.get(1)).longValue()};
    }

    /** Whether the page receives both audio and video: bytes on its open calls grow over a second. */
    public boolean receivesAudioAndVideo() {
        long[] growth = inboundMediaGrowth();
        return growth[0] > 0 && growth[1] > 0;
    }

    /** Waits for {@code condition} to give a value (not null), as every other wait here does, failing with {@code what}. */
    public <T> T waitUntil(Supplier<T> condition, String what) {
        return wait.withMessage(what).until(driver -> condition.get());
    }

    /** Waits up to 20 s for a condition on a call read from the pages (bytes received, tiles), failing with {@code what}. */
    public static void awaitMedia(BooleanSupplier condition, String what) {
        Instant deadline = Instant.now().plusSeconds(20);
        while (!condition.getAsBoolean()) {
            if (!Instant.now().isBefore(deadline)) {
                fail(what + ": not within 20 s");
            }
        }
    }

    private static Browser open(List<String> extraArguments) {
        Path profile;
        try {
            profile = Files.createTempDirectory("colearn-chromium-");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return new Browser(driver(profile, extraArguments), profile, extraArguments);
    }

    /**
     * Quits the browser and starts it again on the same profile, as a person closes Chromium and opens it later:
     * what it keeps on disk (cookies that have a Max-Age, localStorage) is still there; the open tabs are not.
     */
    public void restart() {
        driver.quit();
        driver = driver(profile, extraArguments);
        wait = new WebDriverWait(driver, Duration.ofSeconds(15));
        wait.ignoring(StaleElementReferenceException.class);
    }

    private static ChromeDriver driver(Path profile, List<String> extraArguments) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--no-first-run",
                "--window-size=1280,900",
                "--user-data-dir=" + profile);
        options.addArguments(extraArguments);
        // Downloads go to the profile's own folder, without asking, so that a test can read what a person saved.
        options.setExperimentalOption("prefs", java.util.Map.of(
                "download.default_directory", profile.resolve("downloads").toString(),
                "download.prompt_for_download", false));
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(new File(CHROMEDRIVER.toString()))
                .usingAnyFreePort()
                .build();
        ChromeDriver driver = new ChromeDriver(service, options);
        driver.manage().timeouts().scriptTimeout(Duration.ofSeconds(60));
        return driver;
    }

    /** A fresh browser that logs in through the login page of the app at {@code baseUrl} and lands on {@code path}. */
    public static Browser loggedIn(String baseUrl, String email, String path) {
        return logIn(open(), baseUrl, email, path);
    }

    /** The section of the main content whose h2 reads exactly {@code heading}. */
    public static By section(String heading) {
        return By.xpath("//main//section[h2[normalize-space()=" + literal(heading) + "]]");
    }

    public void visit(String url) {
        driver.get(url);
    }

    /** Opens {@code url} in a new tab of this browser, as a link opened in a new tab; the tab gets the commands from now on. */
    public void openInNewTab(String url) {
        driver.switchTo().newWindow(org.openqa.selenium.WindowType.TAB);
        driver.get(url);
    }

    /** Goes back to the tab opened {@code index}th (0 for the first), which gets the commands from now on. */
    public void switchToTab(int index) {
        driver.switchTo().window(new ArrayList<>(driver.getWindowHandles()).get(index));
    }

    /** Goes back one page, as the browser's Back button does. */
    public void back() {
        driver.navigate().back();
    }

    /** Every element {@code locator} finds now, shown or not. */
    public List<WebElement> findAll(By locator) {
        return driver.findElements(locator);
    }

    public String url() {
        return driver.getCurrentUrl();
    }

    /** Waits until the page's h1 reads {@code text} and returns it. */
    public WebElement waitForHeading(String text) {
        return wait.withMessage(() -> "heading '" + text + "', but the page shows: " + headingText())
                .until(d -> {
                    List<WebElement> headings = d.findElements(By.tagName("h1"));
                    return headings.size() == 1 && headings.get(0).getText().strip().equals(text) ? headings.get(0) : null;
                });
    }

    public String headingText() {
        List<WebElement> headings = driver.findElements(By.tagName("h1"));
        return headings.isEmpty() ? "(no h1)" : headings.get(0).getText();
    }

    /** The form control labelled exactly {@code label}. */
    public WebElement field(String label) {
        WebElement labelElement = wait.withMessage(() -> "a field labelled '" + label + "'")
                .until(d -> shown(d.findElements(By.xpath("//label[normalize-space()=" + literal(label) + "]"))));
        WebElement control = driver.findElement(By.id(labelElement.getDomAttribute("for")));
        script("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'})", control);
        return control;
    }

    public void fill(String label, String value) {
        WebElement input = field(label);
        input.clear();
        input.sendKeys(value);
    }

    /** Sets a date input: typing into one depends on the browser's locale, so set its value as a date picker would. */
    public void fillDate(String label, String isoDate) {
        driver.executeScript(
                "arguments[0].value = arguments[1];"
                        + "arguments[0].dispatchEvent(new Event('input', {bubbles: true}));"
                        + "arguments[0].dispatchEvent(new Event('change', {bubbles: true}));",
                field(label),
                isoDate);
    }

    public void choose(String label, String optionText) {
        new Select(field(label)).selectByVisibleText(optionText);
    }

    /**
     * Clicks the button or link in the main content whose text is exactly {@code text}, the first one shown: the app
     * hides parts (a breakout room's panel) rather than removing them.
     */
    public void press(String text) {
        By xpath = By.xpath("//main//button[normalize-space()=" + literal(text) + "] | //main//a[normalize-space()=" + literal(text) + "]");
        WebElement control = wait.withMessage(() -> "a button or link '" + text + "'")
                .until(d -> {
                    List<WebElement> found = d.findElements(xpath);
                    WebElement shown = found.stream().filter(e -> e.isDisplayed() && e.isEnabled()).findFirst().orElse(null);
                    if (shown == null && !found.isEmpty()) {
                        openTabOf(found.get(0));
                    }
                    return shown;
                });
        // As a person would, bring it to the middle of the window first: a bar that stays in view at the top of the
        // page may cover a control near the window's edge.
        script("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'})", control);
        control.click();
    }

    /** Clicks the button or link in the page header whose text is exactly {@code text}. */
    public void pressInHeader(String text) {
        String xpath = "//header//button[normalize-space()=" + literal(text) + "] | //header//a[normalize-space()=" + literal(text) + "]";
        wait.withMessage(() -> "a button or link '" + text + "' in the header")
                .until(ExpectedConditions.elementToBeClickable(By.xpath(xpath)))
                .click();
    }

    /** Waits until the status line under the header says something containing {@code text}. */
    public String waitForStatus(String text) {
        By status = By.id("status");
        return wait.withMessage(() -> "status containing '" + text + "', but it says '" + driver.findElement(status).getText() + "'")
                .until(d -> {
                    String shown = d.findElement(status).getText();
                    return shown.contains(text) ? shown : null;
                });
    }

    /** Waits for the table with this caption to have a row whose header cell is {@code rowName}; returns its cells. */
    public List<String> waitForRow(String caption, String rowName) {
        String xpath = "//table[caption[normalize-space()=" + literal(caption) + "]]/tbody/tr[th[normalize-space()="
                + literal(rowName) + "]]";
        WebElement row = wait.withMessage(() -> "a row '" + rowName + "' in the table '" + caption + "'")
                .until(d -> shown(d.findElements(By.xpath(xpath))));
        return row.findElements(By.xpath("./th | ./td")).stream().map(cell -> cell.getText().strip()).toList();
    }

    /** The number of body rows in the table with this caption (0 when the page shows no such table). */
    public int rowCount(String caption) {
        return driver.findElements(By.xpath("//table[caption[normalize-space()=" + literal(caption) + "]]/tbody/tr")).size();
    }

    public void waitUntilRowCount(String caption, int rows) {
        wait.withMessage(() -> rows + " rows in '" + caption + "', but there are " + rowCount(caption))
                .until(d -> rowCount(caption) == rows);
    }

    /** Waits for the page to show {@code text} somewhere in its main content. */
    public void waitForText(String text) {
        wait.withMessage(() -> "the text '" + text + "' on the page")
                .until(d -> d.findElement(By.id("main")).getText().contains(text));
    }

    /** The text of the main content as it is now. */
    public String mainText() {
        return driver.findElement(By.id("main")).getText();
    }

    public WebElement waitFor(By locator) {
        return wait.withMessage(() -> "an element shown at " + locator).until(d -> shown(d.findElements(locator)));
    }

    /** The first of these elements that is shown; or null, having opened the tab of the first one kept behind a tab. */
    private WebElement shown(List<WebElement> found) {
        WebElement shown = found.stream().filter(WebElement::isDisplayed).findFirst().orElse(null);
        if (shown == null && !found.isEmpty()) {
            openTabOf(found.get(0));
        }
        return shown;
    }

    /**
     * As a person would, opens the tab whose panel holds {@code element} when that panel is not the one shown, and the
     * folded part ({@code details}) that holds it: the live page keeps a facilitator's agenda, rooms, results and
     * guests, and on a phone the chat and who is here, behind tabs; a collaborative's page keeps its sections (Sessions,
     * People and sites, Stories, Buddies) behind tabs, and a facilitator's forms to add a site, make an invitation link
     * or import a file folded.
     */
    private void openTabOf(WebElement element) {
        script("const panel = arguments[0].closest('[role=tabpanel][hidden]');"
                + "if (panel) document.querySelector('[role=tab][aria-controls=\"' + panel.id + '\"]')?.click();"
                + "const folded = arguments[0].closest('details:not([open])');"
                + "if (folded) folded.querySelector(':scope > summary').click();", element);
    }

    /** Waits until the element found by {@code locator} shows {@code text}; returns all the text it shows. */
    public String waitForTextIn(By locator, String text) {
        return wait.withMessage(() -> "the text '" + text + "' in " + locator + ", but it shows: " + texts(locator))
                .until(d -> {
                    List<WebElement> found = d.findElements(locator);
                    if (found.size() == 1 && !found.get(0).isDisplayed()) {
                        openTabOf(found.get(0));
                    }
                    return found.size() == 1 && found.get(0).getText().contains(text) ? found.get(0).getText() : null;
                });
    }

    /** Waits until nothing that {@code locator} finds is displayed. */
    public void waitUntilGone(By locator) {
        wait.withMessage(() -> "nothing shown at " + locator + ", but it shows: " + texts(locator))
                .until(d -> d.findElements(locator).stream().noneMatch(WebElement::isDisplayed));
    }

    /** The text each element found by {@code locator} shows now, in page order. */
    public List<String> texts(By locator) {
        return driver.findElements(locator).stream().map(element -> element.getText().strip()).toList();
    }

    /**
     * Waits until the element found by {@code locator} holds {@code text}, whether it is shown or only read out (a
     * visually hidden live region); returns all the text it holds.
     */
    public String waitForTextContent(By locator, String text) {
        return wait.withMessage(() -> "the text '" + text + "' in " + locator + ", but it holds: " + textContent(locator))
                .until(d -> {
                    String held = textContent(locator);
                    return held.contains(text) ? held : null;
                });
    }

    private String textContent(By locator) {
        List<WebElement> found = driver.findElements(locator);
        return found.size() == 1 ? String.valueOf(found.get(0).getDomProperty("textContent")) : "(" + found.size() + " elements)";
    }

    /** Waits until a download named {@code fileName} has finished and returns its text. */
    public String waitForDownload(String fileName) {
        Path file = profile.resolve("downloads").resolve(fileName);
        return wait.withMessage(() -> "a finished download " + file)
                .until(d -> {
                    try {
                        return Files.isRegularFile(file) && !Files.exists(file.resolveSibling(fileName + ".crdownload"))
                                ? Files.readString(file, StandardCharsets.UTF_8) : null;
                    } catch (IOException e) {
                        return null; // still being written
                    }
                });
    }

    /** Waits until a download named {@code fileName} has finished and returns its bytes (a picture, say). */
    public byte[] waitForDownloadBytes(String fileName) {
        Path file = profile.resolve("downloads").resolve(fileName);
        return wait.withMessage(() -> "a finished download " + file)
                .until(d -> {
                    try {
                        return Files.isRegularFile(file) && !Files.exists(file.resolveSibling(fileName + ".crdownload"))
                                && Files.size(file) > 0 ? Files.readAllBytes(file) : null;
                    } catch (IOException e) {
                        return null; // still being written
                    }
                });
    }

    /** Cuts this browser off the network, as a lift or a tunnel would (DevTools' offline emulation). */
    public void goOffline() {
        ChromiumNetworkConditions offline = new ChromiumNetworkConditions();
        offline.setOffline(true);
        driver.setNetworkConditions(offline);
    }

    /** Ends {@link #goOffline()}. */
    public void goOnline() {
        driver.deleteNetworkConditions();
    }

    /** Presses a key as a keyboard user would, wherever the focus is. */
    public void pressKey(CharSequence key) {
        new Actions(driver).sendKeys(key).perform();
    }

    /** Moves the mouse over an element, as a person pointing at it would. */
    public void hover(WebElement element) {
        new Actions(driver).moveToElement(element).perform();
    }

    /** The element that has keyboard focus. */
    public WebElement focused() {
        return driver.switchTo().activeElement();
    }

    public String liveCheck() {
        return driver.findElement(By.id("live-check")).getText();
    }

    public void waitForLiveCheck(String text) {
        wait.withMessage(() -> "live check '" + text + "', but it says '" + liveCheck() + "'")
                .until(d -> liveCheck().contains(text));
    }

    /** Resizes the window, e.g. to 360 pixels wide to read the app as on a phone. */
    public void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
        wait.withMessage(() -> "the page to be " + width + " pixels wide")
                .until(d -> ((Number) script("return window.innerWidth")).intValue() <= width);
    }

    /** How many pixels the page is wider than the window (0 when nothing scrolls sideways). */
    public int horizontalOverflow() {
        return ((Number) script("return document.documentElement.scrollWidth - document.documentElement.clientWidth")).intValue();
    }

    /**
     * Asserts that the page does not scroll vertically in this window (one pixel of rounding allowed), and prints how tall
     * the page is beside the window's height, {@code where} naming the moment.
     */
    public void assertNoVerticalScroll(String where) {
        long page = pageHeight();
        long window = ((Number) script("return window.innerHeight")).longValue();
        System.out.println(where + ": the page is " + page + " px tall in a " + window + " px window");
        if (page > window + 1) {
            fail("the page scrolls on " + where + ": it is " + page + " px tall in a " + window + " px window");
        }
    }

    /** How tall the page is, in CSS pixels: what a person scrolls through from its top to its bottom. */
    public long pageHeight() {
        return ((Number) script("return document.documentElement.scrollHeight")).longValue();
    }

    /**
     * Zooms the page as the browser's zoom does ({@code percent} 200 for 200 %): the same window holds fewer CSS pixels,
     * each drawn larger, so media queries and layout see the smaller viewport. 100 puts it back.
     */
    public void zoom(int percent) {
        if (percent == 100) {
            driver.executeCdpCommand("Emulation.clearDeviceMetricsOverride", Map.of());
            return;
        }
        Dimension window = driver.manage().window().getSize();
        long width = ((Number) script("return window.innerWidth")).longValue();
        long height = ((Number) script("return window.innerHeight")).longValue();
        driver.executeCdpCommand("Emulation.setDeviceMetricsOverride", Map.of(
                "width", width * 100 / percent, "height", height * 100 / percent, "deviceScaleFactor", percent / 100.0, "mobile", false));
        wait.withMessage(() -> "the page to be zoomed to " + percent + " % of " + window)
                .until(d -> ((Number) script("return window.innerWidth")).longValue() <= width * 100 / percent);
    }

    /** Saves what the window shows as target/browser-screenshots/{@code name}.png, for people to look at. */
    public Path screenshot(String name) {
        try {
            Path directory = Files.createDirectories(Path.of("target", "browser-screenshots"));
            Path file = directory.resolve(name + ".png");
            Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** A cookie the browser keeps for the current page's site, as the browser itself sees it (HttpOnly ones too), or null. */
    public org.openqa.selenium.Cookie cookie(String name) {
        return driver.manage().getCookieNamed(name);
    }

    public Object script(String script, Object... args) {
        return ((JavascriptExecutor) driver).executeScript(script, args);
    }

    /**
     * Runs the WCAG 2.2 A and AA checks a script can make on the page as it is now, and fails, listing every violation
     * with the elements it found, if there is any: axe-core's WCAG 2.0/2.1 rules, then our own check of 2.5.8 Target
     * Size (Minimum), which the axe-core on the test classpath predates.
     */
    public void assertAccessible(String where) {
        if (!Boolean.TRUE.equals(driver.executeScript("return typeof window.axe === 'object'"))) {
            driver.executeScript(resource(AXE));
        }
        JsonNode axe = json(driver.executeAsyncScript(
                "const done = arguments[arguments.length - 1];"
                        + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa']}})"
                        + ".then(r => done(JSON.stringify(r.violations)), e => done(JSON.stringify({error: String(e)})));"));
        if (axe.has("error")) {
            fail("axe could not run on " + where + ": " + axe.get("error").asText());
        }
        JsonNode targetSizeCheck = targetSize();
        JsonNode targetSize = targetSizeCheck.path("violations");
        if (axe.isEmpty() && targetSize.isEmpty()) {
            System.out.println("axe: no WCAG 2.1 A/AA violations on " + where);
            System.out.println("no WCAG 2.2 target-size violations on " + where + " (" + targetSizeCheck.path("targets")
                    + " targets; under 24x24 px by an exception: " + targetSizeCheck.path("exempt") + ")");
            return;
        }
        StringBuilder report = new StringBuilder("found " + (axe.size() + targetSize.size())
                + " WCAG 2.2 A/AA violation(s) on " + where + ":");
        List<JsonNode> violations = new ArrayList<>();
        axe.forEach(violations::add);
        targetSize.forEach(violations::add);
        for (JsonNode violation : violations) {
            report.append("\n- ").append(violation.path("id").asText())
                    .append(" (").append(violation.path("impact").asText()).append("): ")
                    .append(violation.path("help").asText());
            for (JsonNode node : violation.path("nodes")) {
                report.append("\n    at ").append(node.path("target"))
                        .append("\n       ").append(node.path("html").asText())
                        .append("\n       ").append(node.path("failureSummary").asText().replace("\n", "\n       "));
            }
        }
        fail(report.toString());
    }

    /**
     * The page checked against WCAG 2.2 Success Criterion 2.5.8 Target Size (Minimum): {@code targets}, how many pointer
     * targets it has; {@code exempt}, those under 24x24 px that an exception lets pass, each with its size and exception;
     * {@code violations} in axe's shape, none or one violation {@code target-size} whose nodes are the targets too small
     * and too close to another.
     */
    public JsonNode targetSize() {
        return json(driver.executeScript(resource(TARGET_SIZE)));
    }

    private static JsonNode json(Object raw) {
        try {
            return JSON.readTree((String) raw);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static String resource(String name) {
        try (InputStream in = Browser.class.getClassLoader().getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("not on the test classpath: " + name);
            }
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** An XPath string literal for any text, quotes included. */
    private static String literal(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        if (!text.contains("\"")) {
            return "\"" + text + "\"";
        }
        return "concat('" + text.replace("'", "', \"'\", '") + "')";
    }

    @Override
    public void close() {
        try {
            driver.quit();
        } finally {
            try (Stream<Path> files = Files.walk(profile)) {
                files.sorted(Comparator.reverseOrder()).forEach(path -> path.toFile().delete());
            } catch (IOException e) {
                System.err.println("could not delete the browser profile " + profile + ": " + e.getMessage());
            }
        }
    }
}
