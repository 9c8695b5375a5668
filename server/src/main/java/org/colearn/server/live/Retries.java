package org.colearn.server.live;

import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The command refs each client used lately, with the sequence number each one produced, so that a command retried
 * after a lost reply is answered again rather than applied twice. Rebuilt from the log after a restart.
 */
final class Retries {

    /** How many command refs per client are remembered. */
    static final int REMEMBERED_REFS = 256;

    private final Map<String, LinkedHashMap<String, Long>> handled = new HashMap<>();

    /** The sequence number this client's command with this ref produced, or null when it is new. */
    Long earlierResult(String clientId, String ref) {
        if (clientId == null || ref == null) {
            return null;
        }
        Map<String, Long> refs = handled.get(clientId);
        return refs == null ? null : refs.get(ref);
    }

    void remember(String clientId, String ref, long seq) {
        if (clientId == null || ref == null) {
            return;
        }
        handled.computeIfAbsent(clientId, key -> new LinkedHashMap<>(16, 0.75f, false) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<String, Long> eldest) {
                return size() > REMEMBERED_REFS;
            }
        }).put(ref, seq);
    }

    /** Forgets a command whose events could not be stored: sent again, it is applied again. */
    void forget(String clientId, String ref) {
        Map<String, Long> refs = clientId == null ? null : handled.get(clientId);
        if (refs != null) {
            refs.remove(ref);
        }
    }
}
