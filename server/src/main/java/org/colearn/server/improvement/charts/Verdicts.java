package org.colearn.server.improvement.charts;

/** What a signal's side means for a measure, and the "Making Data Count" icons of a chart. */
final class Verdicts {

    private Verdicts() {
    }

    static Variation meaning(Side side, Direction better) {
        if (side == Side.NONE || better == Direction.NEITHER) {
            return Variation.NEITHER;
        }
        return (side == Side.HIGH) == (better == Direction.UP) ? Variation.IMPROVING : Variation.CONCERNING;
    }

    static VariationIcon variationIcon(Variation variation, Side side) {
        boolean high = side != Side.LOW;
        return switch (variation) {
            case COMMON_CAUSE -> VariationIcon.COMMON_CAUSE;
            case IMPROVING -> high ? VariationIcon.IMPROVING_HIGH : VariationIcon.IMPROVING_LOW;
            case CONCERNING -> high ? VariationIcon.CONCERNING_HIGH : VariationIcon.CONCERNING_LOW;
            case NEITHER -> high ? VariationIcon.NEITHER_HIGH : VariationIcon.NEITHER_LOW;
        };
    }

    /**
     * Where the goal lies against the process limits: beyond the limit on the worse side, the process meets it
     * every period; beyond the limit on the better side, never; between them, some periods and not others.
     */
    static AssuranceIcon assuranceIcon(double goal, double lower, double upper, Direction better) {
        boolean up = better == Direction.UP;
        if (up ? goal <= lower : goal >= upper) {
            return AssuranceIcon.CONSISTENTLY_MET;
        }
        if (up ? goal > upper : goal < lower) {
            return AssuranceIcon.CONSISTENTLY_NOT_MET;
        }
        return AssuranceIcon.HIT_AND_MISS;
    }
}
