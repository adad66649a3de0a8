package org.adjoint.optim.minimize.problems;

/**
 * The minima f* of the problems whose value Moré, Garbow and Hillstrom give to six digits only where
 * the solved criterion needs more, and of the problems whose f* depends on n.
 */
final class KnownMinima {

    /**
     * Where the values with more digits than the paper's come from. Six digits are not enough for the
     * solved criterion f − f* ≤ 1e-7·|f*| when |f*| is large: 85822.2 is within ±0.05 of the true value.
     */
    static final String REFINED = "the digits beyond the paper's from the literature (gonum optimize/functions, optimagic's"
            + " More-Wild problem set; NIST StRD MGH10 for Meyer); the best runs of the benchmark"
            + " (L-BFGS, BFGS, Newton) match them to 12 digits or more";

    /** Jennrich–Sampson, m = 10 (MGH: 124.362). */
    static final double JENNRICH_SAMPSON = 124.3621823556148;
    /** Meyer (MGH: 87.9458; NIST StRD MGH10 certifies 87.945855171). */
    static final double MEYER = 87.945855170395831;
    /** Brown and Dennis, m = 20 (MGH: 85822.2). */
    static final double BROWN_DENNIS = 85822.20162635628;

    private KnownMinima() {
    }

    /** Penalty I's f* for n = 4 or 10, the sizes MGH tabulate. */
    static double penalty1(int n) {
        return switch (n) {
            case 4 -> 2.24997e-5;
            case 10 -> 7.08765e-5;
            default -> throw unknown("Penalty I", n, "4 or 10");
        };
    }

    /** Penalty II's f* for n = 4 or 10, the sizes MGH tabulate. */
    static double penalty2(int n) {
        return switch (n) {
            case 4 -> 9.37629e-6;
            case 10 -> 2.93660e-4;
            default -> throw unknown("Penalty II", n, "4 or 10");
        };
    }

    /** Chebyquad's f* with m = n, for n ≤ 10 (MGH: 0 for n ≤ 7 and n = 9). */
    static double chebyquad(int n) {
        if (n < 1 || n > 10) {
            throw unknown("Chebyquad", n, "1 to 10");
        }
        return n == 8 ? 3.51687e-3 : n == 10 ? 6.50395e-3 : 0;
    }

    private static IllegalArgumentException unknown(String problem, int n, String sizes) {
        return new IllegalArgumentException("MoreGarbowHillstrom: " + problem + " has no f* from the paper for n = " + n
                + "; use n = " + sizes);
    }
}
