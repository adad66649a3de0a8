package org.adjoint.autodiff;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.adjoint.core.Shape;

/**
 * An {@link Einsum} specification checked against its operands' shapes: each operand's axes and the
 * output's axes as labels, and every label's extent. Letters are labels by their character code; the
 * axes an ellipsis stands for get labels {@code ELLIPSIS + j}, j counting the broadcast ellipsis axes
 * from the left, so an operand with fewer ellipsis axes has the rightmost of them (NumPy's alignment).
 * Not a value type: its arrays compare by reference.
 *
 * @param spec the specification as given, for error messages
 * @param inputs each operand's axis labels
 * @param output the result's axis labels
 * @param sizes each label's extent (for ellipsis axes, the broadcast extent)
 */
record EinsumSpec(String spec, List<int[]> inputs, int[] output, Map<Integer, Integer> sizes) {

    /** The first label of ellipsis axes: above every letter. */
    static final int ELLIPSIS = 0x10000;

    /** One term as written: its letters and where its ellipsis sits (−1 if none). */
    private record Term(int[] letters, int ellipsisAt) {
    }

    /**
     * Parses {@code spec} for operands of the given shapes.
     *
     * @throws IllegalArgumentException for any of the problems listed in {@link Einsum}
     */
    static EinsumSpec parse(String spec, Shape[] shapes) {
        String s = spec.replaceAll("\\s", "");
        int arrow = s.indexOf("->");
        String lhs = arrow < 0 ? s : s.substring(0, arrow);
        String rhs = arrow < 0 ? null : s.substring(arrow + 2);
        if (rhs != null && rhs.contains(",")) {
            throw error(spec, "the output term after \"->\" contains ','");
        }
        String[] written = lhs.split(",", -1);
        if (written.length != shapes.length) {
            throw error(spec, "the spec has " + written.length + " input term" + (written.length == 1 ? "" : "s")
                    + " but " + shapes.length + " operand" + (shapes.length == 1 ? " was" : "s were") + " given");
        }
        Term[] terms = new Term[written.length];
        for (int i = 0; i < terms.length; i++) {
            terms[i] = term(spec, written[i]);
        }
        int[] ellipsis = ellipsisShape(spec, terms, shapes);
        Map<Integer, Integer> sizes = new HashMap<>();
        for (int j = 0; j < ellipsis.length; j++) {
            sizes.put(ELLIPSIS + j, ellipsis[j]);
        }
        List<int[]> inputs = inputLabels(spec, terms, shapes, ellipsis.length, sizes);
        int[] output = rhs == null ? implicitOutput(terms, ellipsis.length) : explicitOutput(spec, term(spec, rhs),
                terms, ellipsis.length);
        return new EinsumSpec(spec, inputs, output, sizes);
    }

    /** Each operand's axis labels, with every label's extent checked and entered in {@code sizes}. */
    private static List<int[]> inputLabels(String spec, Term[] terms, Shape[] shapes, int ellipsisRank,
            Map<Integer, Integer> sizes) {
        List<int[]> inputs = new ArrayList<>();
        for (int i = 0; i < terms.length; i++) {
            int[] labels = labels(terms[i], shapes[i].rank() - terms[i].letters.length, ellipsisRank);
            for (int axis = 0; axis < labels.length; axis++) {
                checkSize(spec, sizes, labels[axis], shapes[i].dim(axis), i);
            }
            inputs.add(labels);
        }
        return inputs;
    }

    private static Term term(String spec, String text) {
        int[] letters = new int[text.length()];
        int count = 0;
        int ellipsisAt = -1;
        for (int p = 0; p < text.length(); p++) {
            char c = text.charAt(p);
            if (c == '.') {
                if (ellipsisAt >= 0 || !text.startsWith("...", p)) {
                    throw error(spec, ellipsisAt >= 0 ? "term \"" + text + "\" has more than one ellipsis"
                            : "term \"" + text + "\" has a '.' outside an ellipsis \"...\"");
                }
                ellipsisAt = count;
                p += 2;
            } else if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) {
                letters[count++] = c;
            } else {
                throw error(spec, "'" + c + "' in term \"" + text + "\" is not an index (indices are letters a-z, A-Z)");
            }
        }
        return new Term(Arrays.copyOf(letters, count), ellipsisAt);
    }

    /** The broadcast extents of the ellipsis axes, after checking each operand's rank against its term. */
    private static int[] ellipsisShape(String spec, Term[] terms, Shape[] shapes) {
        int[] broadcast = new int[0];
        for (int i = 0; i < terms.length; i++) {
            int extra = shapes[i].rank() - terms[i].letters.length;
            if (terms[i].ellipsisAt < 0 ? extra != 0 : extra < 0) {
                throw error(spec, "operand " + i + " has shape " + shapes[i] + " of rank " + shapes[i].rank()
                        + " but its term has " + terms[i].letters.length + " ind" + (terms[i].letters.length == 1
                        ? "ex" : "ices") + (terms[i].ellipsisAt < 0 ? "" : " and an ellipsis"));
            }
            if (terms[i].ellipsisAt < 0) {
                continue;
            }
            int[] own = Arrays.copyOfRange(shapes[i].dims(), terms[i].ellipsisAt, terms[i].ellipsisAt + extra);
            try {
                broadcast = Shape.broadcast("einsum", Shape.of(broadcast), Shape.of(own)).dims();
            } catch (IllegalArgumentException e) {
                throw error(spec, "the ellipsis axes " + Arrays.toString(own) + " of operand " + i
                        + " do not broadcast with " + Arrays.toString(broadcast) + " of the others");
            }
        }
        return broadcast;
    }

    /** A term's axis labels, its ellipsis (of {@code extra} axes) aligned right among {@code ellipsisRank}. */
    private static int[] labels(Term term, int extra, int ellipsisRank) {
        int[] labels = new int[term.letters.length + Math.max(extra, 0)];
        int at = term.ellipsisAt < 0 ? labels.length : term.ellipsisAt;
        System.arraycopy(term.letters, 0, labels, 0, Math.min(at, term.letters.length));
        for (int j = 0; j < extra; j++) {
            labels[at + j] = ELLIPSIS + ellipsisRank - extra + j;
        }
        if (at < term.letters.length) {
            System.arraycopy(term.letters, at, labels, at + extra, term.letters.length - at);
        }
        return labels;
    }

    private static void checkSize(String spec, Map<Integer, Integer> sizes, int label, int size, int operand) {
        Integer known = sizes.putIfAbsent(label, size);
        if (label < ELLIPSIS && known != null && known != size) {
            throw error(spec, "index " + (char) label + " has extent " + known + " and extent " + size
                    + " (operand " + operand + ")");
        }
    }

    /** NumPy's implicit output: the ellipsis axes, then the letters used exactly once, in ASCII order. */
    private static int[] implicitOutput(Term[] terms, int ellipsisRank) {
        int[] counts = new int[128];
        for (Term t : terms) {
            for (int c : t.letters) {
                counts[c]++;
            }
        }
        int[] out = new int[ellipsisRank + 128];
        int n = 0;
        while (n < ellipsisRank) {
            out[n] = ELLIPSIS + n;
            n++;
        }
        for (int c = 0; c < counts.length; c++) {
            if (counts[c] == 1) {
                out[n++] = c;
            }
        }
        return Arrays.copyOf(out, n);
    }

    private static int[] explicitOutput(String spec, Term out, Term[] terms, int ellipsisRank) {
        boolean[] seen = new boolean[128];
        for (int c : out.letters) {
            if (seen[c]) {
                throw error(spec, "output index " + (char) c + " appears more than once");
            }
            seen[c] = true;
            if (Arrays.stream(terms).noneMatch(t -> Arrays.stream(t.letters).anyMatch(l -> l == c))) {
                throw error(spec, "output index " + (char) c + " appears in no input term");
            }
        }
        return out.ellipsisAt < 0 ? out.letters : labels(out, ellipsisRank, ellipsisRank);
    }

    /** An exception naming einsum, the specification and the problem. */
    static IllegalArgumentException error(String spec, String problem) {
        return new IllegalArgumentException("einsum \"" + spec + "\": " + problem);
    }
}
