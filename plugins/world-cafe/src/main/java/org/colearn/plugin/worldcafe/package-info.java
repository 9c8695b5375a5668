/**
 * The world café activity: its configuration, state, messages and views, built on the plugin API only, around the
 * seating engine of {@code seating}. It must not touch the server; what it needs of a session it asks through
 * {@link org.colearn.plugin.api.ActivityContext}.
 */
package org.colearn.plugin.worldcafe;
