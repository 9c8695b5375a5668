package org.colearn.server.improvement;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.colearn.server.improvement.charts.AppliedRule;
import org.colearn.server.improvement.charts.ChartPoint;
import org.colearn.server.improvement.charts.RuleId;
import org.colearn.server.session.SpreadsheetText;

/**
 * The data table of a chart as a CSV file: each period's values as entered, the plotted value, the lines and the rules
 * that flagged it. Every text cell is kept as text when a spreadsheet opens it.
 */
final class ChartCsv {

    private ChartCsv() {}

    static String of(ChartResource.ChartView view, Measure measure) {
        StringWriter out = new StringWriter();
        try (CSVPrinter csv = new CSVPrinter(out, CSVFormat.DEFAULT)) {
            csv.printRecord("period", "numerator", "denominator", "value", "centre", "lower limit", "upper limit", "rules");
            Map<RuleId, String> names = view.analysis().rules().stream()
                    .collect(Collectors.toMap(AppliedRule::id, AppliedRule::name, (a, b) -> a));
            Map<String, Views.ValueView> entered = view.values().stream()
                    .collect(Collectors.toMap(Views.ValueView::period, v -> v));
            for (ChartPoint p : view.analysis().points()) {
                String period = Periods.code(measure, p.period());
                Views.ValueView value = entered.get(period);
                csv.printRecord(
                        SpreadsheetText.cell(period),
                        number(value == null ? null : value.numerator(), 1),
                        number(value == null ? null : value.denominator(), 1),
                        number(p.value(), view.scale()),
                        number(p.centre(), view.scale()),
                        number(p.lowerLimit(), view.scale()),
                        number(p.upperLimit(), view.scale()),
                        SpreadsheetText.cell(p.rules().stream().map(r -> names.getOrDefault(r, r.toString())).collect(Collectors.joining("; "))));
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toString();
    }

    static String fileName(ChartResource.ChartView view) {
        String name = (view.siteName() + " " + view.measure().name()).toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-");
        return name.replaceAll("^-|-$", "") + ".csv";
    }

    private static String number(Double value, double scale) {
        if (value == null) {
            return "";
        }
        double shown = value * scale;
        return shown == Math.rint(shown) && Math.abs(shown) < 1e15
                ? String.valueOf((long) shown)
                : String.format(Locale.ROOT, "%.4f", shown).replaceAll("0+$", "");
    }
}
