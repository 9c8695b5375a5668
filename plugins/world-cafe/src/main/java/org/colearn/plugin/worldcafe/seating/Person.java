package org.colearn.plugin.worldcafe.seating;

import java.util.Objects;

/**
 * Someone to be seated, with what the mixing rules look at.
 *
 * @param id stable id of the person; never null
 * @param site the organisation they come from; null if none (nobody shares a null site)
 * @param profession their profession; null if not given (it then counts towards no mix)
 */
public record Person(String id, String site, String profession) {

    public Person {
        Objects.requireNonNull(id, "id");
    }
}
