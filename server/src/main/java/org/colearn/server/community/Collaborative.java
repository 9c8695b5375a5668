package org.colearn.server.community;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.time.LocalDate;
import java.util.UUID;

/** A group of sites working on one topic for a stretch of months. */
@Entity
@Table(name = "collaborative")
public class Collaborative {

    @Id
    private UUID id;

    @Column(nullable = false, length = 200)
    private String name;

    @Column(nullable = false, length = 200)
    private String topic;

    @Column(nullable = false, length = 2000)
    private String aim;

    @Column(name = "starts_on", nullable = false)
    private LocalDate startsOn;

    @Column(name = "ends_on", nullable = false)
    private LocalDate endsOn;

    @Column(name = "created_by", nullable = false)
    private UUID createdBy;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Collaborative() {}

    Collaborative(UUID createdBy, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.createdBy = createdBy;
        this.createdAt = createdAt;
    }

    void update(String name, String topic, String aim, LocalDate startsOn, LocalDate endsOn) {
        this.name = name;
        this.topic = topic;
        this.aim = aim;
        this.startsOn = startsOn;
        this.endsOn = endsOn;
    }

    public UUID id() {
        return id;
    }

    public String name() {
        return name;
    }

    String topic() {
        return topic;
    }

    String aim() {
        return aim;
    }

    LocalDate startsOn() {
        return startsOn;
    }

    LocalDate endsOn() {
        return endsOn;
    }

    Instant createdAt() {
        return createdAt;
    }
}
