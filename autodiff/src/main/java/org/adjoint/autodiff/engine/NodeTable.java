package org.adjoint.autodiff.engine;

import java.util.Arrays;
import org.adjoint.autodiff.Var;

/**
 * Positions of nodes in a graph, by identity: open addressing on {@code System.identityHashCode}, with
 * primitive values (no boxing, unlike {@code IdentityHashMap}). {@link Traversal} uses it for the nodes it
 * cannot claim: nodes that another traversal holds at the moment (threads sweeping graphs that share
 * parameters).
 */
final class NodeTable {

    /** What {@link #get} returns for a node that is not in the table. */
    static final int ABSENT = -1;

    private Var[] keys = new Var[64];
    private int[] values = new int[64];
    private int size;

    /** The value of {@code v}, or {@link #ABSENT}. */
    int get(Var v) {
        int mask = keys.length - 1;
        for (int i = hash(v) & mask; ; i = (i + 1) & mask) {
            Var k = keys[i];
            if (k == v) {
                return values[i];
            }
            if (k == null) {
                return ABSENT;
            }
        }
    }

    /** Adds {@code v} with {@code value} unless present; whether it was added. */
    boolean add(Var v, int value) {
        int mask = keys.length - 1;
        int i = hash(v) & mask;
        for (Var k = keys[i]; k != null; i = (i + 1) & mask, k = keys[i]) {
            if (k == v) {
                return false;
            }
        }
        keys[i] = v;
        values[i] = value;
        if (++size * 2 > keys.length) {
            grow();
        }
        return true;
    }

    /** Sets the value of {@code v}, which must be present. */
    void set(Var v, int value) {
        int mask = keys.length - 1;
        int i = hash(v) & mask;
        while (keys[i] != v) {
            i = (i + 1) & mask;
        }
        values[i] = value;
    }

    private static int hash(Var v) {
        int h = System.identityHashCode(v);
        return h ^ (h >>> 16);
    }

    private void grow() {
        Var[] oldKeys = keys;
        int[] oldValues = values;
        keys = new Var[2 * oldKeys.length];
        values = new int[2 * oldKeys.length];
        int mask = keys.length - 1;
        for (int j = 0; j < oldKeys.length; j++) {
            Var k = oldKeys[j];
            if (k != null) {
                int i = hash(k) & mask;
                while (keys[i] != null) {
                    i = (i + 1) & mask;
                }
                keys[i] = k;
                values[i] = oldValues[j];
            }
        }
    }

    @Override
    public String toString() {
        return "NodeTable[" + size + " nodes, capacity " + keys.length + ", " + Arrays.stream(values).max().orElse(-1) + "]";
    }
}
