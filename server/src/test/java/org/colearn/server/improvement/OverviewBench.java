package org.colearn.server.improvement;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.JsonNode;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.UUID;
import org.colearn.server.testing.Api;
import org.colearn.server.testing.People;
import org.colearn.server.testing.TestServer;
import org.junit.jupiter.api.Test;

/**
 * Times the view of one proportion measure across 40 sites of 60 months each, as a facilitator asks for it: reading
 * 2,400 values, computing 41 P charts (each site and the aggregate) and the funnel plot, and writing the JSON. A
 * benchmark, not a test: it is run by name ({@code -Dit.test=OverviewBench}) and prints its figures; see
 * docs/benchmarks.md.
 */
class OverviewBench {

    static final int SITES = 40;
    static final int MONTHS = 60;
    static final int RUNS = 15;

    @Test
    void timesTheViewOfFortySitesOverSixtyMonths() throws Exception {
        try (TestServer server = TestServer.start()) {
            Api facilitator = server.api().as(People.signUp(server.api(), "Bench Facilitator"));
            String collaborative = People.collaborative(facilitator, "Overview bench");
            List<String> sites = new ArrayList<>();
            for (int i = 0; i < SITES; i++) {
                sites.add(People.site(facilitator, collaborative, "Site " + (i + 1), "trust"));
            }
            String measure = facilitator.post("collaboratives/" + collaborative + "/measures",
                    Sepsis.proportion("Screening within one hour")).json().path("id").asText();
            write(server, measure, sites);

            String path = "collaboratives/" + collaborative + "/measures/" + measure + "/overview";
            for (int i = 0; i < 3; i++) {
                facilitator.get(path); // warm-up: class loading and the JIT
            }
            List<Long> millis = new ArrayList<>();
            Api.Reply reply = null;
            for (int run = 0; run < RUNS; run++) {
                long started = System.nanoTime();
                reply = facilitator.get(path);
                millis.add((System.nanoTime() - started) / 1_000_000);
            }
            JsonNode overview = reply.json();
            assertEquals(SITES, overview.path("sites").size());
            assertEquals(MONTHS, overview.path("aggregate").path("points").size());
            List<Long> sorted = millis.stream().sorted().toList();
            System.out.printf("overview of %d sites x %d months: median %d ms (min %d, max %d) over %d runs, %,d bytes of JSON, %d cores%n",
                    SITES, MONTHS, sorted.get(RUNS / 2), sorted.get(0), sorted.get(RUNS - 1), RUNS, reply.text().length(),
                    Runtime.getRuntime().availableProcessors());
        }
    }

    /** Five years of monthly values per site, each site around its own level, straight into the table. */
    private static void write(TestServer server, String measure, List<String> sites) throws Exception {
        Random random = new Random(1);
        try (Connection connection = server.dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement(
                        "insert into measure_value (id, measure_id, site_id, period, numerator, denominator, amount, changed_at, changed_by)"
                                + " values (?, ?, ?, ?, ?, ?, null, ?, 'bench')")) {
            for (String site : sites) {
                double level = 0.4 + random.nextDouble() * 0.4;
                for (int m = 0; m < MONTHS; m++) {
                    int denominator = 20 + random.nextInt(200);
                    int numerator = (int) Math.min(denominator, Math.round(denominator * (level + random.nextGaussian() * 0.05)));
                    insert.setObject(1, UUID.randomUUID());
                    insert.setObject(2, UUID.fromString(measure));
                    insert.setObject(3, UUID.fromString(site));
                    insert.setObject(4, LocalDate.of(2022, 1, 1).plusMonths(m));
                    insert.setDouble(5, Math.max(0, numerator));
                    insert.setDouble(6, denominator);
                    insert.setObject(7, OffsetDateTime.of(2026, 12, 1, 0, 0, 0, 0, ZoneOffset.UTC));
                    insert.addBatch();
                }
            }
            insert.executeBatch();
            if (!connection.getAutoCommit()) {
                connection.commit();
            }
        }
    }
}
