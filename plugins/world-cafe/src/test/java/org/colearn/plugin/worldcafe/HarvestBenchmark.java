package org.colearn.plugin.worldcafe;

import com.fasterxml.jackson.core.JsonProcessingException;
import java.util.Arrays;
import java.util.List;
import org.colearn.plugin.testkit.ActivityHarness;
import org.colearn.plugin.worldcafe.CafeState.Cluster;
import org.colearn.plugin.worldcafe.CafeState.Note;

/**
 * Measures what one publication of a large café's harvest costs the activity: building the harvest, its Markdown, its
 * CSV rows, and the JSON the server stores. A measurement, not a test:
 * {@code mvn -q -pl plugins/world-cafe test-compile exec:exec@harvest-bench} (see docs/benchmarks.md).
 */
final class HarvestBenchmark {

    private static final int RUNS = 7;
    /** Keeps the JIT from dropping work whose result is otherwise unused. */
    static long blackhole;

    private HarvestBenchmark() {}

    public static void main(String[] args) throws JsonProcessingException {
        System.out.println("| notes | build | Markdown | CSV rows | JSON | total | JSON size |");
        System.out.println("|---|---|---|---|---|---|---|");
        for (int notes : new int[] {500, 2_000, 7_500}) {
            measure(notes);
        }
    }

    /** A café of 250 tables and 6 rounds, with {@code count} notes of about 120 characters, 100 groups. */
    private static void measure(int count) throws JsonProcessingException {
        List<String> questions = List.of("What helped?", "What got in the way?", "What will you try?", "Who can help?",
                "What would show it works?", "What will you take back?");
        CafeConfig config = new CafeConfig(6, 0, 6, 15, questions, "automatic",
                List.of("insight", "change idea", "question"), true, true, true);
        Model model = Model.from(Model.fresh(config, 1));
        for (int c = 0; c < 100; c++) {
            model.clusters.add(new Cluster("c" + c, "Group " + c));
        }
        for (int n = 0; n < count; n++) {
            model.notes.add(new Note("n" + n, n % 6, n % 250, config.noteKinds().get(n % 3),
                    "Note " + n + ": the outreach team calls back within the hour, and the ward huddle checks it",
                    "p" + n, "Person " + n, List.of("p" + (n + 1), "p" + (n + 2)), n % 3 == 0 ? "c" + n % 100 : null));
        }
        long[][] times = new long[4][RUNS + 1];
        int size = 0;
        for (int run = 0; run <= RUNS; run++) {
            long start = System.nanoTime();
            Harvest harvest = Harvest.of(config, model);
            long built = System.nanoTime();
            String markdown = harvest.markdown();
            long rendered = System.nanoTime();
            List<List<String>> rows = harvest.table();
            long tabled = System.nanoTime();
            byte[] json = ActivityHarness.JSON.writeValueAsBytes(harvest);
            long written = System.nanoTime();
            times[0][run] = built - start;
            times[1][run] = rendered - built;
            times[2][run] = tabled - rendered;
            times[3][run] = written - tabled;
            size = json.length;
            blackhole += markdown.length() + rows.size();
        }
        System.out.printf("| %,d | %s | %s | %s | %s | %s | %,d KB |%n", count, median(times[0]), median(times[1]),
                median(times[2]), median(times[3]), median(sum(times)), size / 1024);
    }

    private static long[] sum(long[][] times) {
        long[] total = new long[times[0].length];
        for (long[] part : times) {
            for (int i = 0; i < total.length; i++) {
                total[i] += part[i];
            }
        }
        return total;
    }

    /** The median of the runs after the first, which warms the JVM up. */
    private static String median(long[] nanos) {
        long[] measured = Arrays.copyOfRange(nanos, 1, nanos.length);
        Arrays.sort(measured);
        return String.format("%.1f ms", measured[measured.length / 2] / 1e6);
    }
}
