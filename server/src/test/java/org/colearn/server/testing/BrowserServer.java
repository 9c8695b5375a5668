package org.colearn.server.testing;

import static org.junit.jupiter.api.Assumptions.assumeTrue;

import org.junit.jupiter.api.extension.AfterAllCallback;
import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;

/**
 * The server a class of browser tests shares ({@code @RegisterExtension static final BrowserServer server = ...}):
 * started before its first test, closed after its last; the whole class is skipped where Chromium is not installed.
 */
public final class BrowserServer implements BeforeAllCallback, AfterAllCallback {

    private TestServer server;

    @Override
    public void beforeAll(ExtensionContext context) {
        assumeTrue(
                Browser.available(),
                "skipped: the browser tests need Debian's chromium at /usr/bin/chromium and chromedriver at /usr/bin/chromedriver");
        server = TestServer.start();
    }

    @Override
    public void afterAll(ExtensionContext context) {
        if (server != null) {
            server.close();
            server = null;
        }
    }

    public String baseUrl() {
        return server.baseUrl();
    }

    public Api api() {
        return server.api();
    }

    public java.nio.file.Path dataDir() {
        return server.dataDir();
    }

    public MutableClock clock() {
        return server.clock();
    }

    /** Writes the anonymous stories and comments waiting for their random moment, at once. */
    public void writeAnonymousItems() {
        AnonymousItems.written(server);
    }

    /** A WebSocket client in a live session, for the people of a test who need no browser of their own. */
    public LiveClient join(String sessionId, String token, String clientId) {
        return LiveClient.join(server, sessionId, token, clientId, null);
    }

    /** A fresh browser that logs in as {@code email} and lands on {@code path}. */
    public Browser loggedIn(String email, String path) {
        return Browser.loggedIn(baseUrl(), email, path);
    }
}
