/**
 * WebSocket endpoints under {@code /ws}. For now the connectivity check; the live-session engine and its protocol
 * will live here. Must not touch persistence directly.
 */
package org.colearn.server.realtime;
