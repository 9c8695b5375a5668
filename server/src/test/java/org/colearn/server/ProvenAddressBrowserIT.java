package org.colearn.server;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.Browser;
import org.colearn.server.testing.Inbox;
import org.colearn.server.testing.People;
import org.colearn.server.testing.TestServer;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.openqa.selenium.By;
import org.openqa.selenium.support.ui.Select;

/**
 * In a real headless Chromium, on a server that sends mail to a real SMTP server in the test: what a person sees
 * after signing up, and how the emailed link confirms their address and brings them what was imported for it.
 */
@Timeout(value = 5, unit = TimeUnit.MINUTES)
class ProvenAddressBrowserIT {

    @Test
    void personSignsUpIsAskedToConfirmTheirAddressAndTheEmailedLinkBringsTheirImportedMembership() {
        assumeTrue(Browser.available(), "skipped: the browser tests need Debian's chromium and chromedriver");
        try (Inbox inbox = new Inbox(); TestServer server = TestServer.startSendingMailTo(inbox.port())) {
            Api api = server.api();
            Api fiona = api.as(People.signUp(api, "Fiona Facilitator"));
            String collaborative = People.collaborative(fiona, "Kent sepsis collaborative");
            People.site(fiona, collaborative, "Bromley", "trust");
            Api.Reply imported = fiona.send("POST", "collaboratives/" + collaborative + "/members/import", "text/csv",
                    "name,email,site,profession,role\nVera Okafor,vera.okafor@example.nhs.uk,Bromley,doctor,facilitator\n");
            assertEquals(200, imported.status(), imported::toString);
            String invitation = People.invitation(fiona, collaborative, "participant");

            try (Browser vera = Browser.open()) {
                vera.visit(server.baseUrl() + "#/signup");
                vera.waitForHeading("Create your Colearn account");
                vera.fill("Your name", "Vera Okafor");
                vera.fill("Email address", "Vera.Okafor@example.nhs.uk");
                vera.fill("Password", People.PASSWORD);
                vera.press("Create account");

                vera.waitForHeading("My collaboratives");
                vera.waitForStatus("Welcome to Colearn, Vera Okafor. We sent an email to vera.okafor@example.nhs.uk: open its link to confirm your address.");
                vera.waitForText("Confirm your email address: we sent a link to vera.okafor@example.nhs.uk.");
                vera.waitForText("You are not in any collaborative yet.");
                vera.assertAccessible("my collaboratives before the address is confirmed");

                vera.press("Send the link again");
                vera.waitForText("A new link is on its way to vera.okafor@example.nhs.uk.");
                Inbox.Mail mail = inbox.last("vera.okafor@example.nhs.uk", 2);

                vera.visit(mail.link());
                vera.waitForHeading("Your email address is confirmed");
                vera.waitForText("vera.okafor@example.nhs.uk is confirmed as yours.");
                vera.assertAccessible("a confirmed address");
                vera.press("see your collaboratives");
                vera.waitForHeading("My collaboratives");
                vera.waitFor(By.linkText("Kent sepsis collaborative"));
                vera.waitForText("You are a facilitator.");
                assertEquals(0, vera.texts(By.xpath("//*[contains(text(), 'Confirm your email address')]")).size(),
                        "the request to confirm is gone");

                // The invitation link opens a join form that starts from the site and profession imported for her.
                vera.visit(server.baseUrl() + "#/join/" + invitation);
                vera.waitForHeading("Join Kent sepsis collaborative");
                vera.waitForText("Your facilitator has given your site and profession already: check them, then join.");
                String site = new Select(vera.field("Your site")).getFirstSelectedOption().getText();
                assertTrue(site.startsWith("Bromley"), () -> "the imported site is chosen: " + site);
                assertEquals("Doctor", new Select(vera.field("Your profession")).getFirstSelectedOption().getText());
                vera.waitForText("You are invited to join as a facilitator.");
                vera.assertAccessible("the join form of an imported person");

                vera.visit(server.baseUrl() + "#/verify/" + mail.token());
                vera.waitForHeading("This link did not confirm your address");
                vera.assertAccessible("a link that was used already");
            }
        }
    }
}
