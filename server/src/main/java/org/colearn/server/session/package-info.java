/**
 * Planning learning sessions: the session record and its agenda, over REST. The live side of a session (the engine,
 * its WebSocket protocol and its event log) lives in {@code live}; this package must not reach into it.
 */
package org.colearn.server.session;
