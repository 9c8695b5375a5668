package org.colearn.server.testing;

import org.openqa.selenium.By;

/** Where things are on the live session page, found the way a person finds them: by headings and roles. */
public final class LivePage {

    public static final By NOW = section("Now");
    /** The clock the "Now" panel shows large: the running activity's round when it times rounds, otherwise the item's. */
    public static final By NOW_CLOCK = By.xpath("//main//section[h2[normalize-space()='Now']]//*[@role='timer']");
    public static final By CHAT = section("Chat");
    public static final By WHO_IS_HERE = By.xpath("//main//section[h2[starts-with(normalize-space(), 'Who is here')]]");
    public static final By BROADCAST = By.xpath("//main//section[@aria-label='Message from the facilitator']");
    public static final By CONNECTION = By.xpath("//main//p[@role='status'][contains(@class, 'live-conn')]");
    /** The world café of the current item, as its component draws it. */
    public static final By CAFE = section("World café");
    /** What the world café reads out to screen readers (visually hidden). */
    public static final By CAFE_ANNOUNCEMENTS = By.xpath("//colearn-activity-world-cafe/div[@aria-live='polite']");
    /** The results the session's activities kept, for facilitators. */
    public static final By RESULTS = section("Results");
    /** The notice that says why the page is no longer connected. */
    public static final By PROBLEM = By.cssSelector("main .notice--error");

    private LivePage() {}

    /** The section headed {@code heading}. */
    public static By section(String heading) {
        return By.xpath("//main//section[h2[normalize-space()='" + heading + "']]");
    }
}
