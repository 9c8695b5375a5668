package org.colearn.server.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Duration;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;

@Timeout(10)
class DeferredTest {

    @Test
    void aCallMadeWhileOpeningIsAnsweredOnceItIsOpen() throws Exception {
        CompletableFuture<Supplier<String>> opening = new CompletableFuture<>();
        @SuppressWarnings("unchecked")
        Supplier<String> handle = Deferred.of(Supplier.class, opening, Duration.ofSeconds(5));
        CompletableFuture<String> answer = CompletableFuture.supplyAsync(handle::get);
        opening.complete(() -> "open");
        assertEquals("open", answer.get());
    }

    @Test
    void aCallThatWaitsLongerThanTheBoundIsAnsweredStarting() {
        @SuppressWarnings("unchecked")
        Supplier<String> handle = Deferred.of(Supplier.class, new CompletableFuture<Supplier<String>>(), Duration.ofMillis(50));
        ApiException starting = assertThrows(ApiException.class, handle::get);
        assertEquals(503, starting.status());
        assertEquals("starting", starting.code());
    }

    @Test
    void theTargetsOwnFailureReachesTheCallerUnwrapped() {
        Supplier<String> failing = () -> {
            throw new IllegalStateException("no such row");
        };
        @SuppressWarnings("unchecked")
        Supplier<String> handle = Deferred.of(Supplier.class, CompletableFuture.completedFuture(failing), Duration.ofSeconds(5));
        assertEquals("no such row", assertThrows(IllegalStateException.class, handle::get).getMessage());
    }
}
