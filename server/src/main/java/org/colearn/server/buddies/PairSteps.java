package org.colearn.server.buddies;

import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.hibernate.Session;

/**
 * The next steps of a pair: kept from what a live activity agreed (once per key), and listed in the pair's space,
 * open ones first. Whoever calls decides who may see them, as the pair's space does.
 */
public final class PairSteps {

    /** A step as an activity hands it over: its key, what was agreed, who wrote it, and whether it is done already. */
    public record Kept(String key, String text, String by, boolean done) {}

    private PairSteps() {}

    /**
     * Keeps these steps with the pair when it is an active pair of this collaborative, and keeps nothing otherwise. A
     * step already kept under its key stays as the space has it, except that a step handed over as done becomes done.
     * Blank steps are skipped; long ones are cut to what a step may hold.
     */
    public static void keep(Session session, UUID collaborativeId, UUID pairId, List<Kept> steps, Instant now) {
        BuddyPair pair = session.find(BuddyPair.class, pairId);
        if (pair == null || !pair.collaborativeId().equals(collaborativeId) || pair.status() != PairStatus.ACTIVE) {
            return;
        }
        Map<String, PairStep> known = of(session, pairId).stream().collect(Collectors.toMap(PairStep::key, Function.identity()));
        for (int i = 0; i < steps.size(); i++) {
            Kept step = steps.get(i);
            String text = step.text() == null ? "" : step.text().strip();
            if (step.key() == null || step.key().isBlank() || text.isEmpty()) {
                continue;
            }
            String key = cut(step.key(), PairStep.MAX_KEY);
            PairStep kept = known.get(key);
            if (kept == null) {
                // Steps handed over together keep their order: each is agreed a microsecond after the one before.
                Instant agreedAt = now.plusNanos(i * 1_000L);
                kept = new PairStep(pairId, key, cut(text, PairStep.MAX_TEXT), step.by() == null ? null : cut(step.by().strip(), 120), agreedAt);
                session.persist(kept);
                known.put(key, kept);
            }
            if (step.done() && !kept.done()) {
                kept.done(true, null, now);
            }
        }
    }

    /** The pair's steps, open ones first, each group oldest first. */
    static List<PairStep> of(Session session, UUID pairId) {
        return session.createSelectionQuery("from PairStep where pairId = :p", PairStep.class)
                .setParameter("p", pairId)
                .getResultList()
                .stream()
                .sorted(Comparator.comparing((PairStep step) -> step.done()).thenComparing(PairStep::agreedAt))
                .toList();
    }

    private static String cut(String text, int length) {
        return text.length() <= length ? text : text.substring(0, length);
    }
}
