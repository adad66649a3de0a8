package org.adjoint.autodiff.ops;

import java.util.Arrays;

/**
 * An immutable list of ints with value semantics: the axes, indices or labels an op is built with.
 * Ops are records, and a record's {@code int[]} component would compare by reference and print as
 * {@code [I@1b6d3586}; holding an {@code IntList} instead makes two ops built from equal arrays equal,
 * with the same hash code, and prints the contents ({@code Sum[axes=[0, 1], keepDims=false]}).
 */
public final class IntList {

    private final int[] values;

    private IntList(int[] values) {
        this.values = values;
    }

    /** A list holding a copy of {@code values}: later changes to the array do not reach it. */
    public static IntList copyOf(int... values) {
        return new IntList(values.clone());
    }

    /** The one-element list {@code value}: a single axis. */
    public static IntList of(int value) {
        return new IntList(new int[] {value});
    }

    /** The list {@code 0, 1, …, n − 1}: every axis of a rank-n tensor. */
    public static IntList range(int n) {
        int[] values = new int[n];
        Arrays.setAll(values, i -> i);
        return new IntList(values);
    }

    /**
     * The elements, not copied, for passing to tensor kernels, which only read them. Callers must not
     * modify the array.
     */
    int[] array() {
        return values;
    }

    /** The number of elements. */
    public int size() {
        return values.length;
    }

    /** Element {@code i}. */
    public int get(int i) {
        return values[i];
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof IntList other && Arrays.equals(values, other.values);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(values);
    }

    @Override
    public String toString() {
        return Arrays.toString(values);
    }
}
