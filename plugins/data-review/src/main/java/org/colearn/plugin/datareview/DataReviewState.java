package org.colearn.plugin.datareview;

import java.util.List;

/**
 * Everything a running data review knows: the measure, the sites in the order they are shown, which is on the screen,
 * and the questions and notes so far. The charts themselves are read again from the collaborative when it resumes.
 *
 * @param measureId the reviewed measure's id
 * @param measure its name
 * @param definition its operational definition
 * @param sites the sites with values, in the order they are shown
 * @param current the place of the site on the screen in {@code sites}
 * @param questions every question, in the order asked
 * @param notes every note of what people take back, in the order written
 * @param nextId the number of the next question or note
 */
public record DataReviewState(String measureId, String measure, String definition, List<Turn> sites, int current,
        List<Question> questions, List<Note> notes, int nextId) {

    DataReviewState withSites(List<Turn> sites, int current) {
        return new DataReviewState(measureId, measure, definition, List.copyOf(sites), current, questions, notes, nextId);
    }

    DataReviewState withQuestions(List<Question> questions, int nextId) {
        return new DataReviewState(measureId, measure, definition, sites, current, List.copyOf(questions), notes, nextId);
    }

    DataReviewState withNotes(List<Note> notes, int nextId) {
        return new DataReviewState(measureId, measure, definition, sites, current, questions, List.copyOf(notes), nextId);
    }

    /** A site's turn, and who presents it (null until one of its members does). */
    public record Turn(String siteId, String site, String presenterId, String presenter) {}

    /** A question to a site, asked by {@code asker} (their name as shown in the session). */
    public record Question(String id, String siteId, String text, String asker, boolean answered) {}

    /**
     * What someone takes back from a site's turn: for their own site ({@code authorSiteId}) or for themselves
     * ({@code forSite} false).
     */
    public record Note(String id, String siteId, String text, boolean forSite, String authorId, String authorSiteId) {}
}
