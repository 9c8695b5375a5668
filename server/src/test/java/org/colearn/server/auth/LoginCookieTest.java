package org.colearn.server.auth;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class LoginCookieTest {

    @Test
    void aPageOfTheSiteTheRequestWasSentToIsTheSameSiteWhateverTheScheme() {
        assertTrue(LoginCookie.sameSite("http://127.0.0.1:8080", "127.0.0.1:8080", ""));
        assertTrue(LoginCookie.sameSite("https://colearn.example.nhs.uk", "colearn.example.nhs.uk", ""));
        assertTrue(LoginCookie.sameSite("https://colearn.example.nhs.uk:443", "colearn.example.nhs.uk", ""));
    }

    @Test
    void theConfiguredPublicAddressIsTheSameSiteEvenWhenAProxyChangedTheHost() {
        assertTrue(LoginCookie.sameSite("https://colearn.example.nhs.uk", "10.0.0.5:8080", "https://colearn.example.nhs.uk/"));
        assertFalse(LoginCookie.sameSite("http://colearn.example.nhs.uk", "10.0.0.5:8080", "https://colearn.example.nhs.uk/"));
    }

    @Test
    void anotherSiteAnotherPortAnOpaqueOriginAndGarbageAreNotTheSameSite() {
        assertFalse(LoginCookie.sameSite("https://colearn.example.nhs.uk.evil.example", "colearn.example.nhs.uk", ""));
        assertFalse(LoginCookie.sameSite("http://127.0.0.1:9090", "127.0.0.1:8080", ""));
        assertFalse(LoginCookie.sameSite("null", "127.0.0.1:8080", ""));
        assertFalse(LoginCookie.sameSite("not a url", "127.0.0.1:8080", ""));
        assertFalse(LoginCookie.sameSite("http://127.0.0.1:8080", null, ""));
    }

    @Test
    void theCookieLastsUntilTheLoginExpiresAndIsSecureOverHttpsOnly() {
        Instant now = Instant.parse("2026-12-01T09:00:00Z");
        assertEquals("colearn_login=abc; Max-Age=3600; Path=/; HttpOnly; SameSite=Lax",
                LoginCookie.issue("abc", now.plusSeconds(3600), now, false));
        assertTrue(LoginCookie.issue("abc", now.plusSeconds(3600), now, true).endsWith("; Secure"));
        assertTrue(LoginCookie.secure(false, "https", ""));
        assertTrue(LoginCookie.secure(false, null, "https://colearn.example.nhs.uk"));
        assertFalse(LoginCookie.secure(false, "http", "http://colearn.example.nhs.uk"));
    }

    @Test
    void theLoginIsReadFromAmongOtherCookies() {
        assertEquals("abc", LoginCookie.token("theme=dark; colearn_login=abc; other=1"));
        assertNull(LoginCookie.token("theme=dark"));
        assertNull(LoginCookie.token("colearn_login="));
        assertNull(LoginCookie.token(null));
    }
}
