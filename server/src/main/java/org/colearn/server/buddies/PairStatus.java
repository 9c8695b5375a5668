package org.colearn.server.buddies;

import java.util.Locale;

/**
 * Where a pair is in its life: proposed (a draft only the facilitator sees), published (waiting for its site leads),
 * active (every lead accepted) or declined (a lead said no; its sites can be paired again).
 */
enum PairStatus {
    PROPOSED,
    PUBLISHED,
    ACTIVE,
    DECLINED;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
