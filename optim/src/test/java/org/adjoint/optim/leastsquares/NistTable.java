package org.adjoint.optim.leastsquares;

import org.junit.jupiter.api.Test;

/**
 * Prints the NIST StRD table for BENCHMARKS.md; not a test of anything (the name does not end in
 * "Test", so CI skips it): {@code mvn -B -o test -pl optim -am -Dtest=NistTable
 * -Dsurefire.failIfNoSpecifiedTests=false}.
 */
class NistTable {
    @Test
    void print() {
        NistRuns.main(new String[0]);
    }
}
