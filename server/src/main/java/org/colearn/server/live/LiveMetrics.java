package org.colearn.server.live;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.Collection;
import java.util.Map;

/**
 * What the live sessions measure: connections (and how many of them are relayed to another node), sessions held,
 * events logged, the time to commit and fan out, and on a cluster how late relayed events reach their clients.
 */
final class LiveMetrics {

    private final Counter events;
    private final Timer commit;
    private final Timer fanOut;
    private final Timer relayLag;

    LiveMetrics(MeterRegistry registry, Collection<Connection> open, Map<?, ?> live) {
        registry.gauge("colearn.live.connections", open, Collection::size);
        registry.gauge("colearn.live.sessions", live, Map::size);
        registry.gauge("colearn.relayed.connections", open, connections -> connections.stream().filter(c -> c.relay != null).count());
        events = Counter.builder("colearn.live.events").description("Events logged by the live sessions on this node").register(registry);
        commit = Timer.builder("colearn.live.commit")
                .description("Time to write one batch of events to the database (group commit)")
                .publishPercentileHistogram()
                .register(registry);
        fanOut = Timer.builder("colearn.live.fanout")
                .description("Time from a batch's commit until its frames are queued on every connection that sees them")
                .publishPercentileHistogram()
                .register(registry);
        relayLag = Timer.builder("colearn.relay.lag")
                .description("Time from an event on the node that owns its session until this node passes it on to a relayed client")
                .publishPercentileHistogram()
                .register(registry);
    }

    void logged(int count) {
        events.increment(count);
    }

    Timer commit() {
        return commit;
    }

    Timer fanOut() {
        return fanOut;
    }

    Timer relayLag() {
        return relayLag;
    }
}
