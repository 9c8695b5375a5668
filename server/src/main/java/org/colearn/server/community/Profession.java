package org.colearn.server.community;

import java.util.Locale;

/** A member's profession. Written in JSON and CSV as its lower-case code ({@code allied_health_professional}). */
public enum Profession {
    NURSE,
    DOCTOR,
    ALLIED_HEALTH_PROFESSIONAL,
    MANAGER,
    PROJECT_MANAGER,
    PATIENT_REPRESENTATIVE,
    OTHER;

    @Override
    public String toString() {
        return name().toLowerCase(Locale.ROOT);
    }
}
