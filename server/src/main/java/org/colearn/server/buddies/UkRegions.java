package org.colearn.server.buddies;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fixed list of UK regions a site can pick instead of giving coordinates, each with an approximate centroid, so
 * that distances can still be estimated.
 */
final class UkRegions {

    record Region(String name, double latitude, double longitude) {}

    static final Map<String, Region> ALL = new LinkedHashMap<>();

    static {
        add("North East", 55.00, -1.87);
        add("North West", 54.04, -2.62);
        add("Yorkshire and the Humber", 53.95, -1.23);
        add("East Midlands", 52.85, -0.90);
        add("West Midlands", 52.48, -2.20);
        add("East of England", 52.24, 0.41);
        add("London", 51.51, -0.12);
        add("South East", 51.30, -0.60);
        add("South West", 50.90, -3.50);
        add("Wales", 52.30, -3.70);
        add("Scotland", 56.80, -4.20);
        add("Northern Ireland", 54.60, -6.70);
    }

    private UkRegions() {}

    private static void add(String name, double latitude, double longitude) {
        ALL.put(name, new Region(name, latitude, longitude));
    }

    /** The region of this name, ignoring case, or null. */
    static Region named(String name) {
        if (name == null) {
            return null;
        }
        return ALL.values().stream().filter(r -> r.name().equalsIgnoreCase(name.strip())).findFirst().orElse(null);
    }
}
