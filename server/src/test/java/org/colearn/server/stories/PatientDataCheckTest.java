package org.colearn.server.stories;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class PatientDataCheckTest {

    private static List<String> kinds(String text) {
        return PatientDataCheck.check("whatHappened", text).stream().map(PatientDataCheck.Finding::kind).toList();
    }

    @Test
    void acceptsNhsNumbersWithAValidCheckDigit() {
        assertTrue(PatientDataCheck.validNhsNumber("9434765919"));
        assertTrue(PatientDataCheck.validNhsNumber("943 476 5919"));
        assertTrue(PatientDataCheck.validNhsNumber("401 023 2137"));
    }

    @Test
    void rejectsNhsNumbersWithAWrongCheckDigitOrLength() {
        assertFalse(PatientDataCheck.validNhsNumber("9434765918"));
        assertFalse(PatientDataCheck.validNhsNumber("1234567890"));
        assertFalse(PatientDataCheck.validNhsNumber("943476591"));
    }

    @Test
    void flagsAValidNhsNumberWrittenTogetherSpacedOrHyphenatedWithItsPosition() {
        String text = "The patient, NHS no 943 476 5919, was screened late.";
        List<PatientDataCheck.Finding> findings = PatientDataCheck.check("whatHappened", text);
        assertEquals(List.of(new PatientDataCheck.Finding("whatHappened", "nhs_number", 20, 32)), findings);
        assertEquals(List.of("nhs_number"), kinds("number 9434765919 on the form"));
        assertEquals(List.of("nhs_number"), kinds("number 943-476-5919 on the form"));
    }

    @Test
    void doesNotFlagTenDigitNumbersThatFailTheCheckOrLongerNumbers() {
        assertEquals(List.of(), kinds("Bleep 1234567890 was unanswered"));
        assertEquals(List.of(), kinds("Order ref 94347659190 was lost"));
        assertEquals(List.of(), kinds("We screened 120 of 340 patients (35%) in 2026"));
    }

    @Test
    void flagsDatesAndCallsThemDatesOfBirthWhenDobOrBornIsNear() {
        assertEquals(List.of("date_of_birth"), kinds("DOB 12/03/1954, admitted with sepsis"));
        assertEquals(List.of("date_of_birth"), kinds("a man born on 3rd March 1948 was missed"));
        assertEquals(List.of("date"), kinds("On 14.11.2026 the bundle was late"));
        assertEquals(List.of("date"), kinds("Audit of 2026-10-05 showed gaps"));
        assertEquals(List.of("date"), kinds("It was March 3, 2026 when we started"));
    }

    @Test
    void doesNotFlagPartialDatesScoresOrVersions() {
        assertEquals(List.of(), kinds("In March we moved the huddle to 8:30"));
        assertEquals(List.of(), kinds("NEWS2 score of 5/7 and version 1.2.3"));
        assertEquals(List.of(), kinds("we ran 3 PDSA cycles in 2025"));
    }

    @Test
    void flagsFullUkPostcodesButNotWardNamesOrPartialOnes() {
        assertEquals(List.of("postcode"), kinds("She lives at ME14 1XX near the hospital"));
        assertEquals(List.of("postcode"), kinds("postcode sw1a2aa"));
        assertEquals(List.of("postcode"), kinds("from M1 1AE"));
        assertEquals(List.of(), kinds("Ward B12 and bay 4 were short-staffed"));
        assertEquals(List.of(), kinds("We used the NEWS2 tool in ME14"));
    }

    @Test
    void flagsHospitalNumbersWithALabelOrNextToAName() {
        assertEquals(List.of("hospital_number"), kinds("MRN: K1234567 was on the wrong wristband"));
        assertEquals(List.of("hospital_number"), kinds("Mrs Patel (RX123456) waited four hours"));
        assertEquals(List.of(), kinds("We trained 123456 staff? No, 120."));
    }

    @Test
    void reportsFindingsFieldByField() {
        List<PatientDataCheck.Finding> findings = PatientDataCheck.check(Map.of("title", "Late antibiotics", "whatWeTried", "DOB 01/02/1950"));
        assertEquals(1, findings.size());
        assertEquals("whatWeTried", findings.get(0).field());
        assertEquals("date_of_birth", findings.get(0).kind());
    }
}
