package org.colearn.server.buddies;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** One site's place in a pair and its lead's answer to the proposal (accepted, declined with a reason, or none yet). */
@Entity
@Table(name = "buddy_pair_site")
public class PairSite {

    static final String ACCEPTED = "accepted";
    static final String DECLINED = "declined";

    @Id
    private UUID id;

    @Column(name = "pair_id", nullable = false)
    private UUID pairId;

    @Column(name = "site_id", nullable = false)
    private UUID siteId;

    @Column(nullable = false)
    private int seat;

    @Column(length = 20)
    private String answer;

    @Column(length = 1000)
    private String reason;

    @Column(name = "answered_at")
    private Instant answeredAt;

    protected PairSite() {}

    PairSite(UUID pairId, UUID siteId, int seat) {
        this.id = UUID.randomUUID();
        this.pairId = pairId;
        this.siteId = siteId;
        this.seat = seat;
    }

    void answer(String answer, String reason, Instant now) {
        this.answer = answer;
        this.reason = reason;
        this.answeredAt = now;
    }

    void moveTo(UUID pairId, int seat) {
        this.pairId = pairId;
        this.seat = seat;
    }

    UUID pairId() {
        return pairId;
    }

    UUID siteId() {
        return siteId;
    }

    int seat() {
        return seat;
    }

    String answer() {
        return answer;
    }

    String reason() {
        return reason;
    }
}
