/**
 * The world café seating engine: who sits at which table in each round, so that people from different sites and
 * professions meet, nobody meets a tablemate twice, hosts stay at their tables and table sizes stay within one.
 *
 * <p>{@link org.colearn.plugin.worldcafe.seating.WorldCafeSeating} is the entry point; the records beside it are
 * its input ({@link org.colearn.plugin.worldcafe.seating.CafeSetup}) and output
 * ({@link org.colearn.plugin.worldcafe.seating.SeatingPlan},
 * {@link org.colearn.plugin.worldcafe.seating.SeatingReport}), and what no seating can avoid, with why
 * ({@link org.colearn.plugin.worldcafe.seating.RepeatFreeRounds}, {@link org.colearn.plugin.worldcafe.seating.Unavoidable}).
 * Everything else is package-private. JDK only: this
 * package knows nothing of the server, rooms or the plugin API, and never reads the clock, so a seed and an
 * iteration budget decide every seating. {@code docs/world-cafe.md} describes the algorithm and its weights.
 */
package org.colearn.plugin.worldcafe.seating;
