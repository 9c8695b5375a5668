package org.colearn.server.stories;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Finds what looks like patient-identifiable data in free text before it is saved: NHS numbers with a valid check
 * digit, dates (dates of birth when "DOB" or "born" is near), UK postcodes, and hospital numbers next to a label or a
 * name. It reports where, never what: findings carry positions only, so the flagged text is never echoed or logged.
 */
final class PatientDataCheck {

    /** One passage that may identify a patient: the field, the kind and the characters {@code [start, end)}. */
    record Finding(String field, String kind, int start, int end) {}

    private static final Pattern NHS_NUMBER =
            Pattern.compile("(?<![0-9])(?:[0-9]{10}|[0-9]{3} [0-9]{3} [0-9]{4}|[0-9]{3}-[0-9]{3}-[0-9]{4})(?![0-9])");
    private static final String MONTH = "(?:jan(?:uary)?|feb(?:ruary)?|mar(?:ch)?|apr(?:il)?|may|june?|july?|aug(?:ust)?"
            + "|sep(?:t(?:ember)?)?|oct(?:ober)?|nov(?:ember)?|dec(?:ember)?)";
    private static final List<Pattern> DATES = List.of(
            Pattern.compile("(?<![0-9])(?:0?[1-9]|[12][0-9]|3[01])[/.-](?:0?[1-9]|1[0-2])[/.-](?:[0-9]{4}|[0-9]{2})(?![0-9])"),
            Pattern.compile("(?<![0-9])(?:19|20)[0-9]{2}-(?:0[1-9]|1[0-2])-(?:0[1-9]|[12][0-9]|3[01])(?![0-9])"),
            Pattern.compile("(?i)\\b(?:0?[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)?\\s+(?:of\\s+)?" + MONTH + "\\.?,?\\s+[0-9]{4}\\b"),
            Pattern.compile("(?i)\\b" + MONTH + "\\.?\\s+(?:0?[1-9]|[12][0-9]|3[01])(?:st|nd|rd|th)?,?\\s+[0-9]{4}\\b"));
    private static final Pattern BIRTH_WORDS =
            Pattern.compile("(?i)(?:\\bd\\.?\\s?o\\.?\\s?b\\b|date of birth|\\bborn\\b|\\bbirthday\\b|\\bbirth date\\b|\\bd\\.o\\.b\\.)");
    // Inward codes never use C, I, K, M, O or V; requiring a full postcode keeps words like "B12" out.
    private static final Pattern POSTCODE =
            Pattern.compile("(?i)\\b[A-Z]{1,2}[0-9][A-Z0-9]?\\s?[0-9][ABD-HJLNP-UW-Z]{2}\\b");
    private static final Pattern LABELLED_HOSPITAL_NUMBER = Pattern.compile(
            "(?i)\\b(?:MRN|hospital\\s+(?:no\\.?|number|id)|hosp\\.?\\s+no\\.?|unit\\s+(?:no\\.?|number)"
                    + "|patient\\s+(?:no\\.?|number|id)|case\\s+(?:no\\.?|number))\\s*[:#]?\\s*([A-Z]{0,3}[0-9]{5,10}[A-Z]?)\\b");
    private static final Pattern ID_LIKE = Pattern.compile("\\b(?:[A-Z]{1,3}[0-9]{5,8}|[0-9]{6,8})\\b");
    private static final Pattern NAME = Pattern.compile("\\b(?:Mr|Mrs|Ms|Miss|Mx|Dr)\\.?\\s+[A-Z][a-z'-]+");
    private static final int NEAR = 40;

    private PatientDataCheck() {}

    /** Every finding in the fields, in field order and then by position. */
    static List<Finding> check(Map<String, String> fields) {
        List<Finding> findings = new ArrayList<>();
        fields.forEach((field, text) -> {
            if (text != null) {
                findings.addAll(check(field, text));
            }
        });
        return findings;
    }

    static List<Finding> check(String field, String text) {
        List<Finding> findings = new ArrayList<>();
        Matcher nhs = NHS_NUMBER.matcher(text);
        while (nhs.find()) {
            if (validNhsNumber(nhs.group())) {
                findings.add(new Finding(field, "nhs_number", nhs.start(), nhs.end()));
            }
        }
        for (Pattern date : DATES) {
            Matcher matcher = date.matcher(text);
            while (matcher.find()) {
                if (!overlaps(findings, matcher.start(), matcher.end())) {
                    String before = text.substring(Math.max(0, matcher.start() - NEAR), matcher.start());
                    String kind = BIRTH_WORDS.matcher(before).find() ? "date_of_birth" : "date";
                    findings.add(new Finding(field, kind, matcher.start(), matcher.end()));
                }
            }
        }
        Matcher postcode = POSTCODE.matcher(text);
        while (postcode.find()) {
            if (!overlaps(findings, postcode.start(), postcode.end())) {
                findings.add(new Finding(field, "postcode", postcode.start(), postcode.end()));
            }
        }
        Matcher labelled = LABELLED_HOSPITAL_NUMBER.matcher(text);
        while (labelled.find()) {
            if (!overlaps(findings, labelled.start(1), labelled.end(1))) {
                findings.add(new Finding(field, "hospital_number", labelled.start(1), labelled.end(1)));
            }
        }
        Matcher id = ID_LIKE.matcher(text);
        while (id.find()) {
            if (!overlaps(findings, id.start(), id.end()) && nearAName(text, id.start(), id.end())) {
                findings.add(new Finding(field, "hospital_number", id.start(), id.end()));
            }
        }
        findings.sort(Comparator.comparingInt(Finding::start));
        return findings;
    }

    /**
     * The NHS number check: weights 10 down to 2 on the first nine digits; 11 minus the remainder of the sum by 11 is
     * the check digit (11 counts as 0, and 10 means the number is not valid).
     */
    static boolean validNhsNumber(String candidate) {
        String digits = candidate.replaceAll("[^0-9]", "");
        if (digits.length() != 10) {
            return false;
        }
        int sum = 0;
        for (int i = 0; i < 9; i++) {
            sum += (digits.charAt(i) - '0') * (10 - i);
        }
        int check = 11 - (sum % 11);
        if (check == 11) {
            check = 0;
        }
        return check != 10 && check == digits.charAt(9) - '0';
    }

    private static boolean nearAName(String text, int start, int end) {
        String around = text.substring(Math.max(0, start - NEAR), Math.min(text.length(), end + NEAR));
        return NAME.matcher(around).find();
    }

    private static boolean overlaps(List<Finding> findings, int start, int end) {
        return findings.stream().anyMatch(f -> f.start() < end && start < f.end());
    }
}
