package org.colearn.server.access;

/** Who calls: the columns of the authorization tables in {@code docs/api.md}, in their order. */
enum Role {
    NO_TOKEN("no token"),
    GUEST("guest"),
    PARTICIPANT("participant"),
    SITE_LEAD("site lead"),
    FACILITATOR("facilitator"),
    OTHER_FACILITATOR("other facilitator"),
    SERVER_ADMIN("server admin"),
    MOVER("mover"),
    REMOVED("removed");

    final String column;

    Role(String column) {
        this.column = column;
    }
}
