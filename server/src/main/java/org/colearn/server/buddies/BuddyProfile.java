package org.colearn.server.buddies;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/** A site's buddy profile: what it offers and wants, its stage per topic, where it is, its capacity and exclusions. */
@Entity
@Table(name = "buddy_profile")
public class BuddyProfile {

    @Id
    @Column(name = "site_id")
    private UUID siteId;

    @Column(name = "collaborative_id", nullable = false)
    private UUID collaborativeId;

    @Column(nullable = false, length = 4000)
    private String offers;

    @Column(nullable = false, length = 4000)
    private String wants;

    @Column(nullable = false, length = 4000)
    private String stages;

    @Column(length = 60)
    private String region;

    private Double latitude;

    private Double longitude;

    @Column(nullable = false)
    private int capacity;

    @Column(name = "excluded_sites", nullable = false, length = 4000)
    private String excludedSites;

    @Column(name = "updated_at", nullable = false)
    private Instant updatedAt;

    protected BuddyProfile() {}

    BuddyProfile(UUID siteId, UUID collaborativeId) {
        this.siteId = siteId;
        this.collaborativeId = collaborativeId;
    }

    void update(
            List<String> offers,
            List<String> wants,
            Map<String, Integer> stages,
            String region,
            Double latitude,
            Double longitude,
            int capacity,
            List<UUID> excluded,
            Instant now) {
        this.offers = JsonText.write(offers);
        this.wants = JsonText.write(wants);
        this.stages = JsonText.write(new LinkedHashMap<>(stages));
        this.region = region;
        this.latitude = latitude;
        this.longitude = longitude;
        this.capacity = capacity;
        this.excludedSites = JsonText.write(excluded.stream().map(UUID::toString).toList());
        this.updatedAt = now;
    }

    UUID siteId() {
        return siteId;
    }

    List<String> offers() {
        return JsonText.list(offers);
    }

    List<String> wants() {
        return JsonText.list(wants);
    }

    Map<String, Integer> stages() {
        return JsonText.stages(stages);
    }

    String region() {
        return region;
    }

    Double latitude() {
        return latitude;
    }

    Double longitude() {
        return longitude;
    }

    int capacity() {
        return capacity;
    }

    List<UUID> excluded() {
        return JsonText.list(excludedSites).stream().map(UUID::fromString).toList();
    }

    Instant updatedAt() {
        return updatedAt;
    }
}
