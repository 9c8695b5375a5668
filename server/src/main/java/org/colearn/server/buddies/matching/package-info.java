/**
 * The pairing engine of buddy pairings: scores every pair of sites (mutuality, distance, stage gap, earlier pairs),
 * finds the best set of pairs with a maximum-weight matching on a general graph, puts an odd site out into one triad
 * and explains each pair in plain words. Pure JDK and JGraphT: no persistence, no REST, no clock.
 */
package org.colearn.server.buddies.matching;
