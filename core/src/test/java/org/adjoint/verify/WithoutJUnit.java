package org.adjoint.verify;

import org.adjoint.core.LinearAlgebra;

/**
 * A program run by {@link WithoutJUnitTest} in a JVM whose class path has core and commons-math3
 * only: a property passes and a falsified one reports its shrunk value, without JUnit. It must not
 * refer to JUnit itself.
 */
final class WithoutJUnit {

    private WithoutJUnit() {
    }

    public static void main(String[] args) {
        try {
            Class.forName("org.junit.jupiter.api.Test");
            System.out.println("JUnit is on the class path");
            return;
        } catch (ClassNotFoundException expected) {
            System.out.println("no JUnit");
        }
        Property.forAll(TensorGens.spd(3, 10)).named("Cholesky exists").check(a -> {
            if (LinearAlgebra.cholesky(a).isEmpty()) {
                throw new AssertionError("no Cholesky factor of " + a);
            }
        });
        System.out.println("passed");
        try {
            Property.forAll(Gen.integers(0, 1000)).named("small").check(n -> {
                if (n >= 10) {
                    throw new AssertionError(n + " >= 10");
                }
            });
        } catch (PropertyFailure failure) {
            System.out.println("falsified, shrunk to " + failure.shrunkValue());
        }
    }
}
