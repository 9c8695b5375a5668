/**
 * The server's frame: configuration, start-up wiring on one Grizzly port (REST, WebSocket, static files), the
 * database (pool, migrations, Hibernate), JSON and the rules every input follows (control characters, dates, body
 * size), problem responses, logging that never quotes what a user sent, and health. Features plug into it; it holds
 * no feature logic.
 */
package org.colearn.server.system;
