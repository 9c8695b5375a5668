/**
 * The failure-story circle: stories brought to a room one at a time, live reactions and "what I will take back" notes,
 * and the teller's consent before a story told here reaches the catalogue. Built on the plugin API only; it must not
 * touch the server, and for an anonymous story it keeps nothing that leads back to its teller, only the hash of a key
 * the teller's browser made.
 */
package org.colearn.plugin.failurecircle;
