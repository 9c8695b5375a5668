package org.colearn.server.improvement;

import java.time.Clock;
import java.util.List;
import org.hibernate.SessionFactory;

/** Data for improvement as the server wires it: its entities and its REST resources. */
public final class Improvement {

    private Improvement() {}

    public static List<Class<?>> entities() {
        return List.of(Measure.class, MeasureValue.class, ValueChange.class, DataSharing.class, SiteDataToken.class, PdsaCycle.class,
                ChangePoint.class);
    }

    public static List<Object> resources(SessionFactory sessions, Clock clock) {
        return List.of(
                new MeasureResource(sessions, clock),
                new ValueResource(sessions, clock),
                new TokenResource(sessions, clock),
                new SiteDataResource(sessions, clock),
                new SharingResource(sessions, clock),
                new PdsaResource(sessions, clock),
                new ChartResource(sessions, clock),
                new OverviewResource(sessions, clock));
    }
}
