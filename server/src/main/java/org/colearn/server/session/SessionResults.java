package org.colearn.server.session;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.sql.Timestamp;
import java.text.Normalizer;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import org.colearn.server.system.ApiException;
import org.colearn.server.system.Json;
import org.hibernate.Session;

/**
 * The results a session's activities published (a poll's results, a café's harvest), read from the session's log:
 * listed, and downloaded as JSON, or as Markdown and CSV when the activity made them exportable.
 */
final class SessionResults {

    /** A result as listed: the latest under its title, with the formats it can be downloaded in. */
    record ResultView(long seq, String title, String type, Instant at, List<String> formats) {}

    /** A download: its bytes, media type and file name. */
    record Download(byte[] content, String mediaType, String fileName) {}

    private SessionResults() {}

    static List<ResultView> list(Session session, UUID sessionId) {
        Map<String, ResultView> latest = new LinkedHashMap<>();
        for (Object[] row : rows(session, sessionId)) {
            JsonNode body = body(row);
            String title = body.path("title").asText();
            List<String> formats = new ArrayList<>(List.of("json"));
            if (body.has("markdown")) {
                formats.add("md");
            }
            if (body.has("table")) {
                formats.add("csv");
            }
            latest.remove(title);
            latest.put(title, new ResultView(((Number) row[0]).longValue(), title, body.path("type").asText(null),
                    instant(row[2]), List.copyOf(formats)));
        }
        return List.copyOf(latest.values());
    }

    static Download download(Session session, UUID sessionId, long seq, String format) {
        for (Object[] row : rows(session, sessionId)) {
            if (((Number) row[0]).longValue() != seq) {
                continue;
            }
            JsonNode body = body(row);
            String name = fileName(body.path("title").asText("result"));
            switch (format) {
                case "json":
                    return new Download(Json.MAPPER.valueToTree(body.path("result")).toString().getBytes(StandardCharsets.UTF_8),
                            "application/json", name + ".json");
                case "md":
                    if (body.has("markdown")) {
                        return new Download(body.path("markdown").asText().getBytes(StandardCharsets.UTF_8),
                                "text/markdown; charset=utf-8", name + ".md");
                    }
                    break;
                case "csv":
                    if (body.has("table")) {
                        return new Download(csv(body.path("table")), "text/csv; charset=utf-8", name + ".csv");
                    }
                    break;
                default:
                    break;
            }
            throw ApiException.notFound("format_not_available",
                    "This result cannot be downloaded as " + format + "; see its formats in the list of results.");
        }
        throw ApiException.notFound("result_not_found", "This session has no result " + seq + ".");
    }

    @SuppressWarnings("unchecked")
    private static List<Object[]> rows(Session session, UUID sessionId) {
        return session.createNativeQuery(
                        "select seq, body, created_at from session_event where session_id = :session and type = 'activity.result'"
                                + " order by seq", Object[].class)
                .setParameter("session", sessionId)
                .getResultList();
    }

    /** A timestamp as the driver hands it back: H2 and PostgreSQL differ. */
    private static Instant instant(Object value) {
        if (value instanceof java.time.OffsetDateTime offset) {
            return offset.toInstant();
        }
        if (value instanceof Timestamp timestamp) {
            return timestamp.toInstant();
        }
        return (Instant) value;
    }

    private static JsonNode body(Object[] row) {
        try {
            return Json.MAPPER.readTree(String.valueOf(row[1]));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("a logged result is not JSON", e);
        }
    }

    private static byte[] csv(JsonNode table) {
        StringWriter out = new StringWriter();
        try (CSVPrinter printer = new CSVPrinter(out, CSVFormat.RFC4180)) {
            for (JsonNode row : table) {
                List<String> cells = new ArrayList<>();
                row.forEach(cell -> cells.add(SpreadsheetText.cell(cell.asText())));
                printer.printRecord(cells);
            }
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    /**
     * "Poll: Which change first?" becomes "poll-which-change-first", and "World café harvest" "world-cafe-harvest":
     * accented letters lose only their accent (decomposed, then the combining marks dropped), so that a name stays
     * readable in any file system.
     */
    static String fileName(String title) {
        return fileName(title, "result");
    }

    /** A file name made of the title's letters and digits, or {@code fallback} when it has none. */
    static String fileName(String title, String fallback) {
        String plain = Normalizer.normalize(title, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String slug = plain.toLowerCase(Locale.ROOT).replaceAll("[^a-z0-9]+", "-").replaceAll("(^-|-$)", "");
        return slug.isEmpty() ? fallback : slug.substring(0, Math.min(60, slug.length()));
    }
}
