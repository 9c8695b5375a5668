/**
 * The floor every feature stands on: configuration, the pieces of one Grizzly port (the API gate, static files, the
 * WebSocket container), the database (pool, migrations, Hibernate), JSON and the rules every input follows (control
 * characters, dates, body size), problem responses, logging that never quotes what a user sent, health and metrics,
 * and the {@link org.colearn.server.system.Public} mark of endpoints open without a login. It imports no feature: the
 * wiring of features onto it is {@link org.colearn.server.ColearnServer}'s.
 */
package org.colearn.server.system;
