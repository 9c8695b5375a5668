/**
 * The server's frame: configuration, start-up wiring on one Grizzly port (REST, WebSocket, static files), the
 * database (pool, migrations, Hibernate), JSON, problem responses and health. Features plug into it; it holds no
 * feature logic.
 */
package org.colearn.server.system;
