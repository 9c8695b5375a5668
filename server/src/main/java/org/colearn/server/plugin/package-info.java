/**
 * Loading activity plugins: each jar in a plugins folder gets its own class loader that sees only the JDK and the
 * plugin API, and its activity types are registered by id. Also serves each plugin's browser component and lists
 * the activity types over REST. Running activities is the live engine's business, not this package's.
 */
package org.colearn.server.plugin;
