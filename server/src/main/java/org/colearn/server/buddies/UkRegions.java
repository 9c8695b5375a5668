package org.colearn.server.buddies;

import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The fixed list of UK regions a site can pick instead of giving coordinates, each with an approximate centroid, so
 * that distances can still be estimated: the regions of England (and NHS England's own Midlands and North East and
 * Yorkshire), the health boards of Scotland and Wales and the health and social care trusts of Northern Ireland, so
 * that sites of one nation can be told apart; the nations as a whole stay for profiles that named them.
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
        add("Midlands", 52.70, -1.50);
        add("North East and Yorkshire", 54.30, -1.50);
        add("NHS Ayrshire and Arran", 55.46, -4.63);
        add("NHS Borders", 55.55, -2.79);
        add("NHS Dumfries and Galloway", 55.07, -3.61);
        add("NHS Fife", 56.20, -3.15);
        add("NHS Forth Valley", 56.12, -3.94);
        add("NHS Grampian", 57.15, -2.49);
        add("NHS Greater Glasgow and Clyde", 55.86, -4.35);
        add("NHS Highland", 57.48, -4.99);
        add("NHS Lanarkshire", 55.72, -3.85);
        add("NHS Lothian", 55.91, -3.28);
        add("NHS Orkney", 58.98, -2.96);
        add("NHS Shetland", 60.30, -1.27);
        add("NHS Tayside", 56.57, -3.20);
        add("NHS Western Isles", 57.76, -7.02);
        add("Aneurin Bevan University Health Board", 51.70, -3.03);
        add("Betsi Cadwaladr University Health Board", 53.10, -3.80);
        add("Cardiff and Vale University Health Board", 51.47, -3.22);
        add("Cwm Taf Morgannwg University Health Board", 51.62, -3.45);
        add("Hywel Dda University Health Board", 51.95, -4.35);
        add("Powys Teaching Health Board", 52.35, -3.40);
        add("Swansea Bay University Health Board", 51.63, -3.85);
        add("Belfast Health and Social Care Trust", 54.60, -5.93);
        add("Northern Health and Social Care Trust", 54.87, -6.28);
        add("South Eastern Health and Social Care Trust", 54.45, -5.75);
        add("Southern Health and Social Care Trust", 54.35, -6.65);
        add("Western Health and Social Care Trust", 54.60, -7.50);
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
