package org.adjoint.core;

import jdk.incubator.vector.DoubleVector;
import jdk.incubator.vector.VectorOperators;
import jdk.incubator.vector.VectorSpecies;
import org.adjoint.core.Elementwise.UnaryLoop;

/**
 * Loops for the transcendental functions written with the Vector API, used only when it is
 * available (see {@link Vectorization}). On x86 the JIT compiles {@code lanewise(EXP)} and friends
 * to Intel's SVML routines, which are within one ulp of the exact result (as {@code Math.exp} and
 * {@code Math.log} are; {@code Math.tanh} is bound to 2.5 ulps, so the two tanh values can differ by
 * more than one ulp, SVML's being the closer) and about five times faster on AVX-512 (exp of 18,000 doubles: 14 µs against 72 µs on the development machine).
 */
final class VectorLoops implements Loops.Transcendentals {

    private static final VectorSpecies<Double> SPECIES = DoubleVector.SPECIES_PREFERRED;

    @Override
    public UnaryLoop exp() {
        return (x, o, from, to) -> {
            int i = from;
            for (; i < from + SPECIES.loopBound(to - from); i += SPECIES.length()) {
                DoubleVector.fromArray(SPECIES, x, i).lanewise(VectorOperators.EXP).intoArray(o, i);
            }
            for (; i < to; i++) {
                o[i] = Math.exp(x[i]);
            }
        };
    }

    @Override
    public UnaryLoop log() {
        return (x, o, from, to) -> {
            int i = from;
            for (; i < from + SPECIES.loopBound(to - from); i += SPECIES.length()) {
                DoubleVector.fromArray(SPECIES, x, i).lanewise(VectorOperators.LOG).intoArray(o, i);
            }
            for (; i < to; i++) {
                o[i] = Math.log(x[i]);
            }
        };
    }

    @Override
    public UnaryLoop tanh() {
        return (x, o, from, to) -> {
            int i = from;
            for (; i < from + SPECIES.loopBound(to - from); i += SPECIES.length()) {
                DoubleVector.fromArray(SPECIES, x, i).lanewise(VectorOperators.TANH).intoArray(o, i);
            }
            for (; i < to; i++) {
                o[i] = Math.tanh(x[i]);
            }
        };
    }
}
