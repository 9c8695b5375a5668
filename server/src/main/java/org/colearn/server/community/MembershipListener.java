package org.colearn.server.community;

import java.util.UUID;

/**
 * Told after a change to a person's membership is committed (their role, site or profession changed, or they were
 * removed), so that what they have open elsewhere, such as a live session, follows at once.
 */
@FunctionalInterface
public interface MembershipListener {
    void membershipChanged(UUID collaborativeId, UUID accountId);
}
