package org.colearn.server.system;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * A handle on something still being opened (the database's session factory and connections while the pool opens,
 * Flyway migrates and Hibernate boots), so that whatever needs it can be built at once and only a call that uses it
 * waits: for at most a bounded time, after which the call fails with 503 {@code starting}, as {@code /api} answers
 * before the REST application exists.
 */
public final class Deferred {

    private Deferred() {}

    /**
     * An implementation of {@code type} whose every call waits as long as the opening takes (it ends, in success or
     * failure, on its own), for work that must not give up while the server starts, such as restoring live sessions.
     */
    public static <T> T of(Class<T> type, CompletableFuture<? extends T> ready) {
        return of(type, ready, UNTIL_OPENED);
    }

    private static final Duration UNTIL_OPENED = Duration.ofMillis(Long.MAX_VALUE);

    /** An implementation of {@code type} whose every call waits (at most {@code bound}) for {@code ready}, then delegates. */
    public static <T> T of(Class<T> type, CompletableFuture<? extends T> ready, Duration bound) {
        Object handle = Proxy.newProxyInstance(type.getClassLoader(), new Class<?>[] {type}, (proxy, method, args) -> {
            switch (method.getName()) {
                case "equals" -> {
                    if (method.getParameterCount() == 1 && method.getParameterTypes()[0] == Object.class) {
                        return proxy == args[0];
                    }
                }
                case "hashCode" -> {
                    if (method.getParameterCount() == 0) {
                        return System.identityHashCode(proxy);
                    }
                }
                case "toString" -> {
                    if (method.getParameterCount() == 0) {
                        return "deferred " + type.getSimpleName();
                    }
                }
                default -> {}
            }
            T target = await(ready, bound);
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
        return type.cast(handle);
    }

    private static <T> T await(CompletableFuture<? extends T> ready, Duration bound) {
        if (ready.isDone() && !ready.isCompletedExceptionally()) {
            return ready.join();
        }
        try {
            return ready.get(bound.toMillis(), TimeUnit.MILLISECONDS);
        } catch (TimeoutException e) {
            throw starting();
        } catch (ExecutionException e) {
            // The server's start fails with the reason; a call still waiting meanwhile says what it could not reach.
            throw new ApiException(503, "database_unreachable", "The server is running but cannot reach its database.", List.of());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw starting();
        }
    }

    private static ApiException starting() {
        return new ApiException(503, "starting", "Colearn is starting; try again in a second.", List.of());
    }
}
