package org.colearn.server.system;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

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
        Supplier<String> handle = Deferred.of(Supplier.class, opening);
        CompletableFuture<String> answer = CompletableFuture.supplyAsync(handle::get);
        opening.complete(() -> "open");
        assertEquals("open", answer.get());
    }

    @Test
    void aCallAfterTheOpeningFailedIsAnsweredDatabaseUnreachable() {
        CompletableFuture<Supplier<String>> opening = CompletableFuture.failedFuture(new IllegalStateException("no database"));
        @SuppressWarnings("unchecked")
        Supplier<String> handle = Deferred.of(Supplier.class, opening);
        ApiException unreachable = assertThrows(ApiException.class, handle::get);
        assertEquals(503, unreachable.status());
        assertEquals("database_unreachable", unreachable.code());
    }

    @Test
    void theTargetsOwnFailureReachesTheCallerUnwrapped() {
        Supplier<String> failing = () -> {
            throw new IllegalStateException("no such row");
        };
        @SuppressWarnings("unchecked")
        Supplier<String> handle = Deferred.of(Supplier.class, CompletableFuture.completedFuture(failing));
        assertEquals("no such row", assertThrows(IllegalStateException.class, handle::get).getMessage());
    }
}
