package org.colearn.server.community;

import java.util.Locale;

/** What a member may do in a collaborative: facilitators run it, site leads speak for their site. */
public enum MemberRole {
    FACILITATOR,
    SITE_LEAD,
    PARTICIPANT;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
