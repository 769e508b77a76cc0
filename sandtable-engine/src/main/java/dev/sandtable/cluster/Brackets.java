package dev.sandtable.cluster;

import java.util.List;

/** Marginal-rate brackets as the providers state reservations: each rate applies only to the slice inside its band. */
final class Brackets {
    /** A band ending (exclusive of later bands) at {@code upTo}, reserving {@code basisPoints}/10000 of its slice. */
    record Band(long upTo, int basisPoints) {
    }

    private final List<Band> bands;

    Brackets(Band... bands) {
        this.bands = List.of(bands);
    }

    /**
     * Sums each band's share, flooring per band as amazon-eks-ami's integer shell arithmetic does; for the
     * whole-core and whole-MiB inputs the providers publish this equals flooring the exact total.
     */
    long reserve(long amount) {
        long reserved = 0;
        long lower = 0;
        for (Band band : bands) {
            if (amount <= lower) {
                break;
            }
            long slice = Math.min(amount, band.upTo()) - lower;
            reserved += Math.multiplyExact(slice, (long) band.basisPoints()) / 10_000;
            lower = band.upTo();
        }
        return reserved;
    }
}
