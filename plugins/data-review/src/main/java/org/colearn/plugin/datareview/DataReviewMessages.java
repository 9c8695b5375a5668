package org.colearn.plugin.datareview;

/** What people send to a data review: the facilitator moves between sites, everyone asks and notes. */
final class DataReviewMessages {

    private DataReviewMessages() {}

    /** A facilitator brings the site at this place in the list (from 0) to the screen. */
    record Show(int site) {}

    /** A facilitator brings the next site to the screen. */
    record Next() {}

    /** A facilitator brings the previous site back to the screen. */
    record Previous() {}

    /** A facilitator reads the sites' charts again, with any values entered since the review began. */
    record Refresh() {}

    /** A member of the site on the screen presents its chart. */
    record Present() {}

    /** A question to the site on the screen, 1 to 500 characters. */
    record Ask(String text) {}

    /** A member of the question's site (or a facilitator) marks it answered. */
    record Answer(String id) {}

    /**
     * What the sender will take back from the site on the screen, 1 to 500 characters: for their own site's members
     * when {@code forSite}, else for themselves only.
     */
    record Note(String text, boolean forSite) {}
}
