package org.adjoint.autodiff.engine;

import org.adjoint.autodiff.Var;

/**
 * One search of a graph and its bookkeeping: which nodes it has visited, and the position each
 * finished at. The bookkeeping lives in the nodes themselves, under the <em>slot-claim protocol</em>:
 *
 * <ol>
 *   <li>Every node has a claim (a reference to the traversal holding it, or null) and an int slot.
 *   <li>A traversal may claim a node whose claim is null or names a finished traversal, by one
 *       compare-and-set from that old holder to itself. Only the holder writes or reads the slot:
 *       1 while the node is being visited, its position + 2 once finished.
 *   <li>A node that another, unfinished traversal holds goes in this traversal's own
 *       {@link NodeTable} instead, and stays there for the rest of the search.
 *   <li>When the search ends the traversal is marked finished, which frees all its claims at once.
 * </ol>
 *
 * <p>No hashing is needed in the common case (for scalar ops hashing was most of the backward cost),
 * and no lock is needed in any case. The compare-and-set lets at most one live traversal hold a node;
 * a slot is written and read only by the thread running its holder, so it needs no ordering of its
 * own; a loser never touches the slot, it uses its private table. A stale read of a claim cannot
 * mislead: only a traversal stores a reference to itself, so a value it sees that is not itself means
 * "not mine" (hence opaque reads suffice), and a claim it tries to take from a holder that has changed
 * meanwhile fails the compare-and-set and falls back to the table. Threads sweeping graphs that share
 * parameters (the leaves) therefore never block each other. The search reads slots only while it runs;
 * the {@link Graph} it builds refers to nodes by position, so freeing the claims loses nothing.
 */
final class Traversal {

    /** The table's value for a node being visited, before it has a position. */
    private static final int VISITING = -2;

    /** Created only when a node is held by another traversal, which is rare. */
    private NodeTable table;
    private volatile boolean finished;

    /**
     * Marks {@code v} as visited; whether it was new. A node in the table (held by another traversal
     * when first met) stays there, even if its slot has been freed since.
     */
    boolean visit(Var v) {
        Object holder = Nodes.claimant(v);
        if (holder == this || table != null && table.get(v) != NodeTable.ABSENT) {
            return false;
        }
        boolean free = holder == null || holder instanceof Traversal other && other.finished;
        if (free && Nodes.claim(v, holder, this)) {
            Nodes.slot(v, 1);
            return true;
        }
        table().add(v, VISITING);
        return true;
    }

    /** Records that {@code v}, already visited, finished at {@code position}. */
    void finish(Var v, int position) {
        if (Nodes.claimant(v) == this) {
            Nodes.slot(v, position + 2);
        } else {
            table().set(v, position);
        }
    }

    /** The positions of {@code vars} (−1 for constants and for nodes not visited). */
    int[] positions(Var[] vars) {
        int[] at = new int[vars.length];
        locate(vars, at, 0);
        return at;
    }

    /** Writes the positions of {@code vars} (−1 for constants) to {@code at} from {@code offset}. */
    void locate(Var[] vars, int[] at, int offset) {
        for (int i = 0; i < vars.length; i++) {
            Var v = vars[i];
            at[offset + i] = !v.requiresGrad() ? -1 : Nodes.claimant(v) == this ? Nodes.slot(v) - 2 : table().get(v);
        }
    }

    private NodeTable table() {
        if (table == null) {
            table = new NodeTable();
        }
        return table;
    }

    /**
     * Frees every claim this traversal holds, by marking it finished, and drops the table, so that a
     * node that still refers to this traversal keeps nothing else alive.
     */
    void release() {
        table = null;
        finished = true;
    }
}
