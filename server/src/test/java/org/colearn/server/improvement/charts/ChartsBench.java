package org.colearn.server.improvement.charts;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * Times the charts of a collaborative view: one measure across many sites and months, each site's P chart and run
 * chart, and the funnel plot of the latest year. Usage: {@code ChartsBench [sites] [months] [runs]}; see
 * docs/benchmarks.md.
 */
public final class ChartsBench {

    private ChartsBench() {
    }

    public static void main(String[] args) {
        int sites = args.length > 0 ? Integer.parseInt(args[0]) : 40;
        int months = args.length > 1 ? Integer.parseInt(args[1]) : 60;
        int runs = args.length > 2 ? Integer.parseInt(args[2]) : 20;
        List<List<Observation>> series = collaborative(new Random(1), sites, months);
        for (int warmUp = 0; warmUp < 20; warmUp++) {
            view(series);
        }
        List<Double> millis = new ArrayList<>();
        for (int run = 0; run < runs; run++) {
            long started = System.nanoTime();
            view(series);
            millis.add((System.nanoTime() - started) / 1e6);
        }
        List<Double> sorted = millis.stream().sorted().toList();
        System.out.printf("%d sites x %d months, %d runs, %d cores: median %.1f ms (min %.1f, max %.1f)%n", sites,
                months, runs, Runtime.getRuntime().availableProcessors(), sorted.get(sorted.size() / 2),
                sorted.get(0), sorted.get(sorted.size() - 1));
    }

    private static int view(List<List<Observation>> series) {
        int signals = 0;
        List<FunnelUnit> units = new ArrayList<>();
        for (int site = 0; site < series.size(); site++) {
            List<Observation> observations = series.get(site);
            ChartSpec spec = ChartSpec.of(ChartType.P, observations).withBetter(Direction.UP).withGoal(0.9)
                    .withBaseline(Baseline.firstPoints(12));
            signals += Charts.chart(spec).signals().size();
            signals += Charts.chart(spec.withType(ChartType.RUN)).signals().size();
            double numerator = 0;
            double denominator = 0;
            for (Observation o : observations.subList(observations.size() - 12, observations.size())) {
                numerator += o.value();
                denominator += o.denominator();
            }
            units.add(new FunnelUnit("site " + site, numerator, denominator));
        }
        return signals + Charts.funnel(units, Direction.UP).units().size();
    }

    /** Monthly proportions of 20 to 400 patients per site, each site improving from its own start after a change. */
    private static List<List<Observation>> collaborative(Random random, int sites, int months) {
        List<List<Observation>> all = new ArrayList<>();
        for (int site = 0; site < sites; site++) {
            double start = 0.5 + 0.3 * random.nextDouble();
            int change = 12 + random.nextInt(Math.max(1, months - 12));
            List<Observation> observations = new ArrayList<>();
            for (int month = 0; month < months; month++) {
                int patients = 20 + random.nextInt(380);
                double p = Math.min(0.99, start + (month >= change ? 0.1 : 0));
                int screened = 0;
                for (int k = 0; k < patients; k++) {
                    screened += random.nextDouble() < p ? 1 : 0;
                }
                observations.add(Observation.of(LocalDate.of(2022, 1, 1).plusMonths(month), screened, patients));
            }
            all.add(observations);
        }
        return all;
    }
}
