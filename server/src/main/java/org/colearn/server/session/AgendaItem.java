package org.colearn.server.session;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.util.UUID;

/** One item of a session's agenda: what happens, as which activity, for how long. */
@Entity
@Table(name = "agenda_item")
public class AgendaItem {

    @Id
    private UUID id;

    @Column(name = "session_id", nullable = false)
    private UUID sessionId;

    @Column(nullable = false)
    private int position;

    @Column(nullable = false, length = 200)
    private String title;

    @Column(name = "activity_type", nullable = false, length = 80)
    private String activityType;

    @Column(name = "planned_minutes", nullable = false)
    private int plannedMinutes;

    /** The activity's configuration as JSON; null for the activity's defaults. */
    @Column(length = 20000)
    private String config;

    protected AgendaItem() {}

    AgendaItem(UUID id, UUID sessionId, int position, String title, String activityType, int plannedMinutes, String config) {
        this.config = config;
        this.id = id == null ? UUID.randomUUID() : id;
        this.sessionId = sessionId;
        this.position = position;
        this.title = title;
        this.activityType = activityType;
        this.plannedMinutes = plannedMinutes;
    }

    public UUID id() {
        return id;
    }

    public int position() {
        return position;
    }

    public String title() {
        return title;
    }

    public String activityType() {
        return activityType;
    }

    public int plannedMinutes() {
        return plannedMinutes;
    }

    public String config() {
        return config;
    }
}
