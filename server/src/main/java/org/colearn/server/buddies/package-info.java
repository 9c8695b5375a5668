/**
 * Buddy pairings between the sites of a collaborative: site profiles, pairing rounds run by facilitators with the
 * engine in {@code matching}, site leads' answers, and each active pair's private space (check-ins, peer-review
 * visits, notes, next steps, the partner site's people), seen only by the pair's own members unless they invite the
 * faculty. Builds on {@code community} (sites, members, role checks); must not reach into live sessions, which ask it
 * for the active pairs through {@link org.colearn.server.buddies.ActivePairs} and keep a meet's steps through
 * {@link org.colearn.server.buddies.PairSteps}, nor into the story catalogue, which gives the pair space its
 * stories through {@link org.colearn.server.buddies.PairStories}.
 */
package org.colearn.server.buddies;
