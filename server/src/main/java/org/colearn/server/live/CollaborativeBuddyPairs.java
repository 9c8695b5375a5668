package org.colearn.server.live;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.UUID;
import org.colearn.plugin.api.BuddyPairs;
import org.colearn.server.buddies.ActivePairs;
import org.colearn.server.buddies.PairSteps;
import org.hibernate.SessionFactory;

/**
 * The buddy pairs of a live session's collaborative as activities see them: the active pairs of its latest round,
 * read afresh on each call (a handful of queries, never one per pair) on the session's thread, and the next steps an
 * activity keeps with one of them. A member is known by their account, which is the person id of a member in a live
 * session.
 */
final class CollaborativeBuddyPairs implements BuddyPairs {

    private final SessionFactory sessions;
    private final UUID collaborativeId;
    private final Clock clock;

    CollaborativeBuddyPairs(SessionFactory sessions, UUID collaborativeId, Clock clock) {
        this.sessions = sessions;
        this.collaborativeId = collaborativeId;
        this.clock = clock;
    }

    @Override
    public List<Pair> active() {
        LocalDate today = LocalDate.ofInstant(clock.instant(), ZoneOffset.UTC);
        return sessions.fromTransaction(session -> ActivePairs.of(session, collaborativeId, today)).stream()
                .map(pair -> new Pair(pair.id().toString(), pair.sites(), pair.facultyInvited(), pair.openItems(),
                        pair.memberIds().stream().map(UUID::toString).toList()))
                .toList();
    }

    @Override
    public void keepSteps(String pairId, List<Step> steps) {
        UUID id;
        try {
            id = UUID.fromString(pairId);
        } catch (IllegalArgumentException | NullPointerException notOurs) {
            return;
        }
        List<PairSteps.Kept> kept = steps.stream().map(step -> new PairSteps.Kept(step.key(), step.text(), step.by(), step.done())).toList();
        sessions.inTransaction(session -> PairSteps.keep(session, collaborativeId, id, kept, clock.instant()));
    }
}
