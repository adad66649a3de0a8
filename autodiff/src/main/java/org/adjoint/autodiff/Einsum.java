package org.adjoint.autodiff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.adjoint.autodiff.EinsumSteps.Labeled;
import org.adjoint.core.Shape;

/**
 * Einstein summation, {@code numpy.einsum} / {@code torch.einsum} for any number of operands, composed
 * from the library's differentiable ops (permute, reshape, sum, takeFlat, broadcasting mul and the
 * batched matrix product), so its gradients and Hessians need no rule of their own.
 *
 * <h2>Grammar</h2>
 * <pre>
 * spec     = inputs [ "->" output ]          whitespace anywhere is ignored
 * inputs   = term { "," term }                one term per operand
 * output   = term                             (no ",")
 * term     = { index | "..." }                at most one "..." per term
 * index    = "a"…"z" | "A"…"Z"
 * </pre>
 * An operand's term names each of its axes; an index used for several axes gives them one extent.
 * The result has the output's axes; every index not in the output is summed over. Without
 * {@code "->"} (the implicit form) the output is the ellipsis axes followed by the indices that occur
 * exactly once in the whole spec, in ASCII order (upper case first): {@code "ij,jk"} is
 * {@code "ij,jk->ik"}, {@code "ba"} is {@code "ba->ab"}, a transpose, and {@code "ii"} a trace.
 *
 * <ul>
 *   <li>An index repeated within one term takes a diagonal: {@code "ii->i"}, {@code "iji->ij"}.</li>
 *   <li>{@code "..."} stands for the operand's axes no index names; across operands these ellipsis
 *       axes are aligned right and broadcast (extents 1 stretch), as in NumPy. An output without
 *       {@code "..."} sums over them, as PyTorch does.</li>
 *   <li>A scalar operand has the empty term: {@code ",ij->ij"} scales a matrix.</li>
 * </ul>
 *
 * <h2>Evaluation</h2>
 * Each operand first has its diagonals taken and the indices summed that no other operand and not the
 * output uses. The operands are then combined from left to right, two at a time: indices both
 * share and still need are batch axes, those both share and no longer need are contracted, and the
 * rest are kept. A pair with contracted indices is one (batched) matrix product
 * {@code [batch, M, K] · [batch, K, N]}, never a broadcast product summed afterwards; a pair without
 * is a broadcasting multiplication. Nothing is recorded for an identity permutation or reshape.
 *
 * <h2>Errors</h2>
 * An {@link IllegalArgumentException} starting {@code einsum "<spec>": } names the problem: a
 * malformed spec (a character that is not an index, a stray {@code '.'}, two ellipses in a term, a
 * {@code ','} in the output), a number of terms different from the number of operands, a term whose
 * number of indices does not match its operand's rank, an index with two different extents,
 * ellipsis axes that do not broadcast, an output index that no input uses, or one repeated in the
 * output.
 */
public final class Einsum {

    private Einsum() {
    }

    /**
     * The Einstein sum {@code spec} of {@code operands}, e.g. {@code of("ij,jk->ik", a, b)} for
     * {@code a.matmul(b)}; see the class notes for the grammar.
     *
     * @throws IllegalArgumentException if the spec is malformed or does not fit the operands
     */
    public static Var of(String spec, Var... operands) {
        Objects.requireNonNull(spec, "spec");
        Objects.requireNonNull(operands, "operands");
        if (operands.length == 0) {
            throw EinsumSpec.error(spec, "no operands were given");
        }
        Shape[] shapes = new Shape[operands.length];
        for (int i = 0; i < operands.length; i++) {
            shapes[i] = Objects.requireNonNull(operands[i], "operand " + i).shape();
        }
        EinsumSpec s = EinsumSpec.parse(spec, shapes);
        List<Labeled> terms = new ArrayList<>();
        for (int i = 0; i < operands.length; i++) {
            terms.add(EinsumSteps.diagonal(EinsumSteps.squeezeBroadcast(operands[i], s.inputs().get(i), s), s));
        }
        Labeled result = sumUnused(terms.get(0), needed(s.output(), terms, 1));
        for (int k = 1; k < terms.size(); k++) {
            Set<Integer> later = needed(s.output(), terms, k + 1);
            Labeled next = sumUnused(terms.get(k), union(later, result.labels()));
            result = sumUnused(result, union(later, next.labels()));
            result = EinsumSteps.contract(result, next, later, s);
        }
        return permuteTo(sumUnused(result, needed(s.output(), terms, terms.size())), s.output());
    }

    /** The output's labels and those of the terms from {@code from} on. */
    private static Set<Integer> needed(int[] output, List<Labeled> terms, int from) {
        Set<Integer> needed = new HashSet<>();
        Arrays.stream(output).forEach(needed::add);
        for (int k = from; k < terms.size(); k++) {
            Arrays.stream(terms.get(k).labels()).forEach(needed::add);
        }
        return needed;
    }

    private static Set<Integer> union(Set<Integer> set, int[] labels) {
        Set<Integer> all = new HashSet<>(set);
        Arrays.stream(labels).forEach(all::add);
        return all;
    }

    /** {@code term} summed over its axes whose labels are not {@code needed}. */
    private static Labeled sumUnused(Labeled term, Set<Integer> needed) {
        int[] labels = term.labels();
        int[] unused = java.util.stream.IntStream.range(0, labels.length).filter(a -> !needed.contains(labels[a]))
                .toArray();
        if (unused.length == 0) {
            return term;
        }
        int[] kept = Arrays.stream(labels).filter(needed::contains).toArray();
        return new Labeled(term.value().sum(unused, false), kept);
    }

    /** The value with its axes in {@code order}, which its labels hold exactly. */
    private static Var permuteTo(Labeled term, int[] order) {
        int[] axes = EinsumSteps.positions(term.labels(), order);
        return EinsumSteps.permute(term.value(), axes);
    }
}
