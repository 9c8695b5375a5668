package org.colearn.server.community;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

/** The JSON shapes the community endpoints answer with. */
final class Views {

    private Views() {}

    record CollaborativeView(
            UUID id,
            String name,
            String topic,
            String aim,
            LocalDate startsOn,
            LocalDate endsOn,
            MemberRole myRole,
            UUID myMemberId,
            long siteCount,
            long memberCount,
            Instant createdAt) {

        static CollaborativeView of(Collaborative c, Member me, long sites, long members) {
            return new CollaborativeView(
                    c.id(), c.name(), c.topic(), c.aim(), c.startsOn(), c.endsOn(), me.role(), me.id(), sites, members, c.createdAt());
        }
    }

    record SiteView(
            UUID id, String name, SiteKind kind, String region, Double latitude, Double longitude, long memberCount) {

        static SiteView of(Site site, long memberCount) {
            return new SiteView(
                    site.id(), site.name(), site.kind(), site.region(), site.latitude(), site.longitude(), memberCount);
        }
    }

    /** A member as another member sees them; the email address only reaches facilitators and the member. */
    record MemberView(
            UUID id,
            String displayName,
            String email,
            UUID siteId,
            String siteName,
            Profession profession,
            MemberRole role,
            String status,
            Instant joinedAt,
            UUID moveSiteId,
            String moveSiteName) {

        /** {@code showEmail}: the reader is a facilitator or the member, who also see the site they asked to move to. */
        static MemberView of(Member member, Map<UUID, Site> sites, boolean showEmail) {
            Site site = member.siteId() == null ? null : sites.get(member.siteId());
            Site move = showEmail && member.moveSiteId() != null ? sites.get(member.moveSiteId()) : null;
            return new MemberView(
                    member.id(),
                    member.displayName(),
                    showEmail ? member.email() : null,
                    member.siteId(),
                    site == null ? null : site.name(),
                    member.profession(),
                    member.role(),
                    member.active() ? "active" : "invited",
                    member.joinedAt(),
                    move == null ? null : move.id(),
                    move == null ? null : move.name());
        }
    }

    record InvitationView(
            UUID id,
            String code,
            String url,
            MemberRole role,
            Instant createdAt,
            Instant expiresAt,
            Instant revokedAt,
            int timesUsed,
            boolean usable) {

        static InvitationView of(Invitation invitation, String baseUrl, Instant now) {
            return new InvitationView(
                    invitation.id(),
                    invitation.code(),
                    baseUrl + "#/join/" + invitation.code(),
                    invitation.role(),
                    invitation.createdAt(),
                    invitation.expiresAt(),
                    invitation.revokedAt(),
                    invitation.timesUsed(),
                    invitation.usableAt(now));
        }
    }
}
