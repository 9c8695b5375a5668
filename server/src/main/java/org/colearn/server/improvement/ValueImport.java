package org.colearn.server.improvement;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.colearn.server.system.ApiException;
import org.colearn.server.system.CsvInput;

/**
 * Reads a CSV file of many periods of one measure for one site ({@code period,numerator,denominator} or
 * {@code period,value}), checks every row, and writes the good ones as the member import does: a dry run first, then
 * all rows, or only the valid ones when asked.
 */
final class ValueImport {

    static final int MAX_ROWS = 2_000;

    /** What happened to each row: {@code imported}, {@code would_import}, {@code not_imported} or {@code rejected}. */
    record RowReport(long line, String period, String status, List<String> problems) {}

    record Report(boolean dryRun, boolean applied, int imported, int rejected, List<RowReport> rows) {}

    private final Measure measure;

    ValueImport(Measure measure) {
        this.measure = measure;
    }

    Report run(String csv, boolean dryRun, boolean skipInvalid, ValueWriting writing, String by, Instant at) {
        List<RowReport> rows = new ArrayList<>();
        List<Entry> accepted = new ArrayList<>();
        Map<String, Long> seen = new HashMap<>();
        for (CSVRecord record : parse(csv)) {
            long line = record.getRecordNumber() + 1;
            List<String> problems = new ArrayList<>();
            EntryRequest request = new EntryRequest(
                    text(record, "period"),
                    number(record, "numerator", problems),
                    number(record, "denominator", problems),
                    number(record, "value", problems));
            if (problems.isEmpty()) {
                request.problems(measure, "").forEach(p -> problems.add(p.field() + " " + p.message()));
            }
            String period = request.period() == null ? null : request.period().strip();
            if (problems.isEmpty()) {
                Entry entry = request.entry(measure);
                String code = Periods.code(measure, entry.period());
                if (seen.containsKey(code)) {
                    problems.add("period " + code + " appears twice in this file (first on line " + seen.get(code) + ")");
                } else {
                    seen.put(code, line);
                    accepted.add(entry);
                    rows.add(new RowReport(line, code, dryRun ? "would_import" : "imported", List.of()));
                    continue;
                }
            }
            rows.add(new RowReport(line, period, "rejected", problems));
        }
        int rejected = rows.size() - accepted.size();
        boolean apply = !dryRun && (rejected == 0 || skipInvalid);
        if (!dryRun && !apply) {
            List<RowReport> relabelled = rows.stream()
                    .map(r -> r.status().equals("rejected") ? r : new RowReport(r.line(), r.period(), "not_imported", List.of()))
                    .toList();
            throw new ApiException(422, "csv_rows_rejected",
                    rejected + " of " + rows.size() + " rows cannot be imported, so nothing was imported. Fix them, or import only the valid rows.",
                    List.of(), Map.of("report", new Report(false, false, 0, rejected, relabelled)));
        }
        if (apply) {
            writing.write(accepted, ValueChange.Source.CSV, by, at);
        }
        return new Report(dryRun, apply, apply ? accepted.size() : 0, rejected, rows);
    }

    private List<String> columns() {
        return switch (measure.kind()) {
            case PROPORTION, RATE -> List.of("period", "numerator", "denominator");
            case COUNT, CONTINUOUS -> List.of("period", "value");
            case DAYS_BETWEEN -> List.of("period");
        };
    }

    private List<CSVRecord> parse(String csv) {
        String header = String.join(",", columns());
        if (csv == null || csv.isBlank()) {
            throw ApiException.badRequest("csv_empty", "The CSV file is empty. Its first line names the columns: " + header + ".");
        }
        try (CSVParser parser = CSVParser.parse(new StringReader(CsvInput.withoutByteOrderMark(csv)), CsvInput.HEADED)) {
            List<String> names = parser.getHeaderNames().stream().map(n -> n.toLowerCase(java.util.Locale.ROOT)).toList();
            List<String> missing = columns().stream().filter(c -> !names.contains(c)).toList();
            if (!missing.isEmpty()) {
                throw ApiException.badRequest("csv_missing_columns",
                        "The CSV file has no column " + String.join(", ", missing) + ". Its first line must name the columns: " + header + ".");
            }
            List<CSVRecord> records = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (records.size() == MAX_ROWS) {
                    throw ApiException.badRequest("csv_too_many_rows", "A CSV file may hold at most " + MAX_ROWS + " periods; split it.");
                }
                records.add(record);
            }
            if (records.isEmpty()) {
                throw ApiException.badRequest("csv_empty", "The CSV file has a header line but no periods.");
            }
            return records;
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            throw ApiException.badRequest("malformed_csv", "The CSV file cannot be read: " + e.getMessage());
        }
    }

    private static String text(CSVRecord record, String column) {
        return record.isMapped(column) && record.isSet(column) && !record.get(column).isEmpty() ? record.get(column) : null;
    }

    private static Double number(CSVRecord record, String column, List<String> problems) {
        String text = text(record, column);
        if (text == null) {
            return null;
        }
        try {
            return Double.valueOf(text);
        } catch (NumberFormatException e) {
            problems.add(column + " '" + text + "' is not a number");
            return null;
        }
    }
}
