package org.colearn.server.buddies.matching;

import java.util.List;

/**
 * A proposed pair of sites, or a triad when the number of sites is odd. In a triad the first two sites are the pair the
 * matching made and the third is the site that joined them. The score and its parts are those of the pair, or the
 * mean over the triad's three pairs.
 */
public record Group(
        List<String> siteIds,
        int score,
        int mutuality,
        int locality,
        int stage,
        int freshness,
        boolean mutual,
        boolean pinned,
        List<String> reasons) {

    public Group {
        siteIds = List.copyOf(siteIds);
        reasons = List.copyOf(reasons);
    }

    public boolean triad() {
        return siteIds.size() == 3;
    }
}
