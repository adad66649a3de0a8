package org.adjoint.autodiff.engine;

import org.adjoint.autodiff.Op;
import org.adjoint.autodiff.Var;

/**
 * The engine's view of a recorded node: its op, its inputs, and the scratch fields the engine keeps
 * in it. {@link Var} keeps these private (users see only values, shapes and {@code requiresGrad});
 * this class is the bridge through which the engine, the ops' tests and nothing else reads them.
 *
 * <p>The bridge is the JDK's "shared secrets" pattern: {@code Var} installs its one implementation of
 * {@link Access} from its static initializer, and the first use of a method here reads it into a
 * {@code static final} field. The JIT treats that field as a constant whose class it knows exactly, so
 * {@code Nodes.inputs(v)} compiles to the same field load as a package-private {@code v.inputs()}
 * did: no allocation, no virtual dispatch.
 */
public final class Nodes {

    /** The node fields, as {@link Var} grants them to the engine. Implemented once, by {@code Var}. */
    public interface Access {

        /** The op that recorded the node; null for a leaf. */
        Op op(Var node);

        /** The node's inputs, as recorded (the array itself: callers must not modify it). */
        Var[] inputs(Var node);

        /** The traversal holding the node's slot, or null, read with opaque access. */
        Object claimant(Var node);

        /** Claims the node's slot for {@code traversal} if {@code holder} still holds it, by compare-and-set. */
        boolean claim(Var node, Object holder, Object traversal);

        /** The node's scratch slot. */
        int slot(Var node);

        /** Writes the node's scratch slot. */
        void slot(Var node, int value);

        /** The node's cached zero-cotangent fact (see {@link Pointwise}): 0 unknown, 1 no, 2 yes. */
        byte zeroRule(Var node);

        /** Caches the node's zero-cotangent fact. */
        void zeroRule(Var node, byte value);
    }

    private static volatile Access installed;

    private Nodes() {
    }

    /**
     * Called once, by {@code Var}'s static initializer.
     *
     * @throws IllegalStateException if an access is already installed
     */
    public static synchronized void install(Access access) {
        if (installed != null) {
            throw new IllegalStateException("Nodes: the node access is already installed");
        }
        installed = access;
    }

    /** Reads the installed access into a constant once {@code Var} is initialized. */
    private static final class Installed {
        static final Access ACCESS = load();

        private static Access load() {
            try {
                Class.forName(Var.class.getName(), true, Var.class.getClassLoader());
            } catch (ClassNotFoundException e) {
                throw new ExceptionInInitializerError(e);
            }
            return installed;
        }
    }

    /** The op that recorded {@code node}; null for a leaf (a parameter or a constant). */
    public static Op op(Var node) {
        return Installed.ACCESS.op(node);
    }

    /** The inputs {@code node} was computed from, as recorded; empty for a leaf. Do not modify. */
    public static Var[] inputs(Var node) {
        return Installed.ACCESS.inputs(node);
    }

    /** The traversal holding {@code node}'s slot, or null; it may have finished (see {@link Traversal}). */
    public static Object claimant(Var node) {
        return Installed.ACCESS.claimant(node);
    }

    /** Claims {@code node}'s slot for {@code traversal} if {@code holder} still holds it; whether that succeeded. */
    public static boolean claim(Var node, Object holder, Object traversal) {
        return Installed.ACCESS.claim(node, holder, traversal);
    }

    static int slot(Var node) {
        return Installed.ACCESS.slot(node);
    }

    static void slot(Var node, int value) {
        Installed.ACCESS.slot(node, value);
    }

    static byte zeroRule(Var node) {
        return Installed.ACCESS.zeroRule(node);
    }

    static void zeroRule(Var node, byte value) {
        Installed.ACCESS.zeroRule(node, value);
    }
}
