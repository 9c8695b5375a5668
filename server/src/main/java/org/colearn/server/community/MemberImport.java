package org.colearn.server.community;

import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.colearn.server.auth.Account;
import org.colearn.server.system.ApiException;
import org.colearn.server.system.CsvInput;
import org.colearn.server.system.SingleLine;
import org.colearn.server.system.Validation;
import org.hibernate.Session;

/** Reads a CSV file of members, checks every row against the collaborative, and adds the good ones. */
final class MemberImport {

    static final int MAX_ROWS = 5_000;
    static final List<String> REQUIRED_COLUMNS = List.of("name", "email", "site", "profession");

    private final Session session;
    private final UUID collaborativeId;
    private final Clock clock;

    MemberImport(Session session, UUID collaborativeId, Clock clock) {
        this.session = session;
        this.collaborativeId = collaborativeId;
        this.clock = clock;
    }

    /** What happened to each row: {@code imported}, {@code would_import} (dry run) or {@code rejected}. */
    record RowReport(long line, String email, String status, List<String> problems) {}

    record Report(boolean dryRun, boolean applied, int imported, int rejected, List<RowReport> rows) {}

    record CsvRow(
            @SingleLine @NotBlank @Size(max = 120) String name,
            @SingleLine @NotBlank @Email @Size(max = 254) String email,
            @SingleLine @NotBlank String site,
            @NotBlank String profession) {}

    private record Accepted(CsvRow row, Site site, Profession profession, MemberRole role) {}

    Report run(String csv, boolean dryRun, boolean skipInvalid) {
        List<CSVRecord> records = parse(csv);
        Map<String, Site> sites = new HashMap<>();
        SiteResource.sites(session, collaborativeId).forEach(site -> sites.put(key(site.name()), site));
        Set<String> members = new TreeSet<>(session.createSelectionQuery(
                        "select email from Member where collaborativeId = :id", String.class)
                .setParameter("id", collaborativeId)
                .getResultList());
        Map<String, Long> seen = new HashMap<>();
        List<RowReport> rows = new ArrayList<>();
        List<Accepted> accepted = new ArrayList<>();
        for (CSVRecord record : records) {
            CsvRow row = new CsvRow(value(record, "name"), value(record, "email"), value(record, "site"), value(record, "profession"));
            List<String> problems = new ArrayList<>();
            Validation.problems(row).forEach(e -> problems.add(e.field() + " " + e.message()));
            String email = Account.normaliseEmail(row.email());
            Site site = row.site() == null ? null : sites.get(key(row.site()));
            if (row.site() != null && !row.site().isBlank() && site == null) {
                problems.add("site '" + row.site() + "' is not a site of this collaborative; add it first");
            }
            Optional<Profession> profession = Codes.parse(Profession.class, row.profession());
            if (row.profession() != null && !row.profession().isBlank() && profession.isEmpty()) {
                problems.add("profession '" + row.profession() + "' is not one of " + Codes.allowed(Profession.class));
            }
            String roleText = value(record, "role");
            Optional<MemberRole> role = roleText == null || roleText.isBlank()
                    ? Optional.of(MemberRole.PARTICIPANT)
                    : Codes.parse(MemberRole.class, roleText);
            if (role.isEmpty()) {
                problems.add("role '" + roleText + "' is not one of " + Codes.allowed(MemberRole.class));
            }
            if (email != null && members.contains(email)) {
                problems.add("email " + email + " is already a member of this collaborative");
            }
            if (email != null && !email.isBlank() && seen.containsKey(email)) {
                problems.add("email " + email + " appears twice in this file (first on line " + seen.get(email) + ")");
            } else if (email != null && !email.isBlank()) {
                seen.put(email, record.getRecordNumber() + 1);
            }
            long line = record.getRecordNumber() + 1;
            if (problems.isEmpty()) {
                accepted.add(new Accepted(row, site, profession.orElseThrow(), role.orElseThrow()));
                rows.add(new RowReport(line, email, dryRun ? "would_import" : "imported", List.of()));
            } else {
                rows.add(new RowReport(line, email, "rejected", problems));
            }
        }
        int rejected = rows.size() - accepted.size();
        boolean apply = !dryRun && (rejected == 0 || skipInvalid);
        if (!dryRun && !apply) {
            Report report = new Report(false, false, 0, rejected, relabel(rows));
            throw new ApiException(
                    422,
                    "csv_rows_rejected",
                    rejected + " of " + rows.size() + " rows cannot be imported, so nothing was imported. Fix them, or"
                            + " import only the valid rows.",
                    List.of(),
                    Map.of("report", report));
        }
        if (apply) {
            accepted.forEach(this::add);
        }
        return new Report(dryRun, apply, apply ? accepted.size() : 0, rejected, rows);
    }

    private void add(Accepted row) {
        String email = Account.normaliseEmail(row.row().email());
        // Only the account that proved the address gets what was given to it; others wait for proof.
        Account account = session.createSelectionQuery("from Account where provenEmail = :email", Account.class)
                .setParameter("email", email)
                .uniqueResult();
        Member member = new Member(
                collaborativeId,
                account == null ? null : account.id(),
                email,
                account == null ? row.row().name().strip() : account.displayName(),
                clock.instant());
        member.place(row.site().id(), row.profession(), row.role());
        session.persist(member);
    }

    /** In a refused all-or-nothing import, the good rows were not imported either: say so. */
    private static List<RowReport> relabel(List<RowReport> rows) {
        return rows.stream()
                .map(r -> r.status().equals("rejected") ? r : new RowReport(r.line(), r.email(), "not_imported", List.of()))
                .toList();
    }

    private static List<CSVRecord> parse(String csv) {
        if (csv == null || csv.isBlank()) {
            throw ApiException.badRequest("csv_empty", "The CSV file is empty. Its first line names the columns: name,email,site,profession,role.");
        }
        try (CSVParser parser = CSVParser.parse(new StringReader(CsvInput.withoutByteOrderMark(csv)), CsvInput.HEADED)) {
            Set<String> columns = new TreeSet<>(String.CASE_INSENSITIVE_ORDER);
            columns.addAll(parser.getHeaderNames());
            List<String> missing = REQUIRED_COLUMNS.stream().filter(c -> !columns.contains(c)).toList();
            if (!missing.isEmpty()) {
                throw ApiException.badRequest(
                        "csv_missing_columns",
                        "The CSV file has no column " + String.join(", ", missing)
                                + ". Its first line must name the columns: name,email,site,profession,role (role is optional).");
            }
            List<CSVRecord> records = new ArrayList<>();
            for (CSVRecord record : parser) {
                if (records.size() == MAX_ROWS) {
                    throw ApiException.badRequest(
                            "csv_too_many_rows", "A CSV file may hold at most " + MAX_ROWS + " members; split it.");
                }
                records.add(record);
            }
            if (records.isEmpty()) {
                throw ApiException.badRequest("csv_empty", "The CSV file has a header line but no members.");
            }
            return records;
        } catch (IOException | UncheckedIOException | IllegalStateException | IllegalArgumentException e) {
            throw ApiException.badRequest("malformed_csv", "The CSV file cannot be read: " + e.getMessage());
        }
    }

    private static String value(CSVRecord record, String column) {
        if (!record.isMapped(column) || !record.isSet(column)) {
            return null;
        }
        return record.get(column);
    }

    private static String key(String siteName) {
        return siteName.strip().toLowerCase(Locale.ROOT);
    }
}
