package org.colearn.server.community;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

/** An organisation taking part in a collaborative: a trust, a health board, a practice, a care home. */
@Entity
@Table(name = "site")
public class Site {

    @Id
    private UUID id;

    @Column(name = "collaborative_id", nullable = false)
    private UUID collaborativeId;

    @Column(nullable = false, length = 200)
    private String name;

    @Enumerated(EnumType.STRING)
    @JdbcTypeCode(SqlTypes.VARCHAR)
    @Column(nullable = false, length = 40)
    private SiteKind kind;

    @Column(nullable = false, length = 120)
    private String region;

    private Double latitude;

    private Double longitude;

    @Column(name = "created_at", nullable = false)
    private Instant createdAt;

    protected Site() {}

    Site(UUID collaborativeId, Instant createdAt) {
        this.id = UUID.randomUUID();
        this.collaborativeId = collaborativeId;
        this.createdAt = createdAt;
    }

    void update(String name, SiteKind kind, String region, Double latitude, Double longitude) {
        this.name = name;
        this.kind = kind;
        this.region = region;
        this.latitude = latitude;
        this.longitude = longitude;
    }

    public UUID id() {
        return id;
    }

    public UUID collaborativeId() {
        return collaborativeId;
    }

    public String name() {
        return name;
    }

    SiteKind kind() {
        return kind;
    }

    public String region() {
        return region;
    }

    public Double latitude() {
        return latitude;
    }

    public Double longitude() {
        return longitude;
    }
}
