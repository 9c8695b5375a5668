package org.colearn.server.improvement;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.UUID;

/** A site's choice to let the whole collaborative see its data; no row means its data stay private. */
@Entity
@Table(name = "site_data_sharing")
class DataSharing {

    @Id
    @Column(name = "site_id")
    private UUID siteId;

    @Column(name = "shared_at", nullable = false)
    private Instant sharedAt;

    protected DataSharing() {}

    DataSharing(UUID siteId, Instant sharedAt) {
        this.siteId = siteId;
        this.sharedAt = sharedAt;
    }

    Instant sharedAt() {
        return sharedAt;
    }
}
