/**
 * The buddy meet activity: each buddy pair's members present in a session meet in their own breakout room, with the
 * pair's open items and a shared list of the next steps they agree. Built on the plugin API only; a pair's private
 * matters reach only its members, and facilitators only when the pair invited the faculty.
 */
package org.colearn.plugin.buddymeet;
