/**
 * The catalogue of failure stories: stories, their credit and anonymity, edit keys, visibility, moderation, the
 * patient-data check, reactions, comments, drafts, search and export. An anonymous story or comment keeps no link to
 * its author in any table, log line or answer, and the mixer writes it (and what its key holder changes) apart from
 * its author's own actions. Builds on {@code community} for roles; must not reach into live sessions.
 */
package org.colearn.server.stories;
