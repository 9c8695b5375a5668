package org.colearn.server.testing;

import org.openqa.selenium.By;

/** Where the parts of a live session's page are, found as a person finds them: by their words and roles. */
public final class LivePage {

    /** "Connected", "Reconnecting…": the state of the page's connection to the session. */
    public static final By CONNECTION = By.xpath("//main//p[@role='status'][contains(@class, 'live-conn')]");
    /** The banner with the facilitator's last broadcast. */
    public static final By BROADCAST = By.xpath("//main//section[@aria-label='Message from the facilitator']");

    private LivePage() {}
}
