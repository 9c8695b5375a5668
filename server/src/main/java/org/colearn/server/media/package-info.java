/**
 * Voice and video that follow Colearn's rooms: for each live session, one media room per place people are in (the
 * plenary, each breakout room, café table or buddy pair's room), on a Janus VideoRoom when media servers are
 * configured, peer to peer otherwise; and what each person is told to join. It owns the Janus rooms, their secrets
 * and per-person tokens. It does not decide who sits where: the live session says so, after each change.
 */
package org.colearn.server.media;
