package org.colearn.server.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.Map;
import org.junit.jupiter.api.Test;

class SmtpTest {

    @Test
    void withoutAHostNoMailIsSent() {
        assertFalse(Config.from(new String[0], Map.of()).smtp().configured());
    }

    @Test
    void environmentVariablesSetTheMailServerWithStartTlsOnPort587ByDefault() {
        Smtp smtp = Config.from(new String[0], Map.of(
                "COLEARN_SMTP_HOST", "smtp.nhs.net",
                "COLEARN_SMTP_USER", "colearn@nhs.net",
                "COLEARN_SMTP_PASSWORD", "secret")).smtp();
        assertTrue(smtp.configured());
        assertEquals(587, smtp.port());
        assertEquals(Smtp.Security.STARTTLS, smtp.security());
        assertEquals("colearn@nhs.net", smtp.from(), "the user is the sender when it is an address");
        assertFalse(smtp.toString().contains("secret"), smtp::toString);
    }

    @Test
    void flagsChooseTlsAndItsPortOrPlainSmtp() {
        Smtp tls = Config.from(new String[] {"--smtp-host=mail", "--smtp-from=a@b.org", "--smtp-security=TLS"}, Map.of()).smtp();
        assertEquals(465, tls.port());
        Smtp plain = Config.from(new String[] {"--smtp-host=relay", "--smtp-from=a@b.org", "--smtp-security=none", "--smtp-port=2525"}, Map.of())
                .smtp();
        assertEquals(Smtp.Security.NONE, plain.security());
        assertEquals(2525, plain.port());
    }

    @Test
    void badSecurityOrNoSenderIsRefusedWithAMessageNamingTheSetting() {
        assertEquals("smtp-security must be none, starttls or tls, got 'ssl'", assertThrows(IllegalArgumentException.class,
                () -> Config.from(new String[] {"--smtp-host=mail", "--smtp-from=a@b.org", "--smtp-security=ssl"}, Map.of())).getMessage());
        assertTrue(assertThrows(IllegalArgumentException.class, () -> Config.from(new String[] {"--smtp-host=mail"}, Map.of()))
                .getMessage().startsWith("smtp-from must name"));
    }
}
