package org.colearn.server.improvement.charts;

/** The figures behind one segment's lines: its centre, average moving range and Laney's sigma-z, where defined. */
record SegmentLines(Double centre, Double averageMovingRange, Double sigmaZ) {

    static final SegmentLines NONE = new SegmentLines(null, null, null);
}
