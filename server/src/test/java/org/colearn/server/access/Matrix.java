package org.colearn.server.access;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The authorization tables of {@code docs/api.md} ("Who may call what"): one row per endpoint or command, one column
 * per {@link Role}, each cell the answer that role gets. The tests read them from the document, so it cannot drift.
 */
record Matrix(Map<String, Map<Role, String>> endpoints, Map<String, Map<Role, String>> commands) {

    static final String HEADING = "## Who may call what";

    static Matrix fromDocs() {
        Path doc = projectRoot().resolve("docs/api.md");
        try {
            return parse(Files.readAllLines(doc));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path projectRoot() {
        for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
            if (Files.isRegularFile(dir.resolve("docs/api.md")) && Files.isRegularFile(dir.resolve("pom.xml"))) {
                return dir;
            }
        }
        throw new IllegalStateException("no docs/api.md above " + Path.of("").toAbsolutePath());
    }

    static Matrix parse(List<String> lines) {
        Map<String, Map<Role, String>> endpoints = new LinkedHashMap<>();
        Map<String, Map<Role, String>> commands = new LinkedHashMap<>();
        int start = lines.indexOf(HEADING);
        if (start < 0) {
            throw new IllegalStateException("docs/api.md has no section '" + HEADING + "'");
        }
        Map<String, Map<Role, String>> table = null;
        for (String line : lines.subList(start + 1, lines.size())) {
            if (line.startsWith("## ")) {
                break;
            }
            if (!line.startsWith("|")) {
                table = null;
                continue;
            }
            List<String> cells = cells(line);
            if (table == null) {
                table = switch (cells.get(0)) {
                    case "endpoint" -> endpoints;
                    case "command" -> commands;
                    default -> throw new IllegalStateException("a table whose first column is not 'endpoint' or 'command': " + line);
                };
                List<String> expected = Arrays.stream(Role.values()).map(role -> role.column).toList();
                if (!cells.subList(1, cells.size()).equals(expected)) {
                    throw new IllegalStateException("the columns must be " + expected + ", not " + cells.subList(1, cells.size()));
                }
                continue;
            }
            if (cells.get(0).startsWith("---")) {
                continue;
            }
            if (cells.size() != Role.values().length + 1) {
                throw new IllegalStateException("a row without a cell for every role: " + line);
            }
            Map<Role, String> row = new LinkedHashMap<>();
            for (Role role : Role.values()) {
                row.put(role, cells.get(role.ordinal() + 1));
            }
            if (table.put(cells.get(0), row) != null) {
                throw new IllegalStateException("two rows for " + cells.get(0));
            }
        }
        return new Matrix(endpoints, commands);
    }

    private static List<String> cells(String line) {
        String inner = line.strip();
        inner = inner.substring(1, inner.endsWith("|") ? inner.length() - 1 : inner.length());
        List<String> cells = new ArrayList<>();
        for (String cell : inner.split("\\|", -1)) {
            cells.add(cell.strip().replace("`", ""));
        }
        return cells;
    }

    /** An endpoint with its parameters unnamed ({@code GET /api/stories/{}}), so that the table may name them freely. */
    static String shape(String endpoint) {
        StringBuilder shape = new StringBuilder();
        int depth = 0;
        for (char c : endpoint.toCharArray()) {
            if (c == '{') {
                if (depth++ == 0) {
                    shape.append("{}");
                }
            } else if (c == '}') {
                depth--;
            } else if (depth == 0) {
                shape.append(c);
            }
        }
        return shape.toString();
    }

    /** A table row for these answers, in the table's own form: for finding and writing what the table lacks. */
    static String row(String name, Map<Role, String> answers) {
        StringBuilder row = new StringBuilder("| `" + name + "` |");
        for (Role role : Role.values()) {
            row.append(' ').append(answers.get(role)).append(" |");
        }
        return row.toString();
    }
}
