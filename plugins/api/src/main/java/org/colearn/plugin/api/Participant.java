package org.colearn.plugin.api;

/**
 * A person in a live session as activities see them.
 *
 * @param personId stable id of the person; never null
 * @param name display name; never null
 * @param site the organisation they come from; null if they have none (some facilitators)
 * @param profession one of nurse, doctor, allied_health_professional, manager, project_manager,
 *     patient_representative, other; null if not given
 * @param facilitator whether they facilitate this session
 * @since 1
 */
public record Participant(String personId, String name, String site, String profession, boolean facilitator) {}
