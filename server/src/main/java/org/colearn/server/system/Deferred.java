package org.colearn.server.system;

import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;

/**
 * A handle on something still being opened (the database's session factory and connections while the pool opens,
 * Flyway migrates and Hibernate boots), so that whatever needs it can be built at once, beside the opening. A call
 * waits for the opening to end; one made after it failed is answered {@code database_unreachable}.
 */
public final class Deferred {

    private Deferred() {}

    /** An implementation of {@code type} whose every call waits for {@code ready}, then delegates to it. */
    public static <T> T of(Class<T> type, CompletableFuture<? extends T> ready) {
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
            T target = await(ready);
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        });
        return type.cast(handle);
    }

    private static <T> T await(CompletableFuture<? extends T> ready) {
        try {
            return ready.join();
        } catch (CompletionException e) {
            // The server's start fails with the reason; a call made meanwhile says what it could not reach.
            throw new ApiException(503, "database_unreachable", "The server is running but cannot reach its database.", List.of());
        }
    }
}
