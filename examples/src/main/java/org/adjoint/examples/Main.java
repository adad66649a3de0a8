package org.adjoint.examples;

/** Entry point of the examples. */
public final class Main {
    private Main() {
    }

    /** Runs the default tour. */
    public static void main(String[] args) {
        System.out.println("Adjoint examples");
    }
}
