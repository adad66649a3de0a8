package org.adjoint.core;

import java.util.ArrayList;
import java.util.List;
import java.util.Random;

/**
 * The kernels that may run Vector API code (and, for comparison, a few that call {@link Math} from
 * plain Java, which HotSpot computes with the same routines in the interpreter and compiled code),
 * evaluated on fixed inputs, their results printed as bit
 * patterns: a {@code main} for the forked JVMs of {@link KernelStabilityTest}. It prints one line per
 * kernel before warm-up, runs every kernel {@code args[0]} times on small arrays (enough for C2 to
 * compile them), and prints the same lines again, prefixed {@code before} and {@code after}.
 */
final class KernelBits {

    private KernelBits() {
    }

    public static void main(String[] args) {
        int warmUp = Integer.parseInt(args[0]);
        System.out.println("kernels " + MatMul.kernelName() + ", transcendentals "
                + (Loops.FAST == null ? "pure Java" : "Vector API"));
        List<String> before = lines();
        Tensor small = Tensor.linspace(-3, 3, 37);
        Tensor positive = Tensor.linspace(0.01, 40, 37);
        Tensor a = Tensor.randomNormal(1, 9, 140);
        Tensor b = Tensor.randomNormal(2, 140, 11);
        double sink = 0;
        for (int i = 0; i < warmUp; i++) {
            sink += small.exp().get(i % 37) + small.tanh().get(i % 37) + positive.log().get(i % 37);
            sink += small.sigmoid().get(i % 37) + small.sin().get(i % 37) + positive.pow(small).get(i % 37);
            sink += small.logSumExp(new int[] {0}, false).item() + small.softmax(0).get(0) + small.sum().item();
            if (i % 8 == 0) {
                sink += a.matmul(b).get(0, 0);
            }
        }
        List<String> after = lines();
        for (String line : before) {
            System.out.println("before " + line);
        }
        for (String line : after) {
            System.out.println("after " + line);
        }
        System.out.println("sink " + sink);
    }

    /** One line per kernel: its name and the bits of its results on the fixed inputs. */
    static List<String> lines() {
        Random random = new Random(17);
        double[] wide = new double[1003];
        double[] positive = new double[1003];
        double[] moderate = new double[1003];
        for (int i = 0; i < wide.length; i++) {
            wide[i] = -760 + 1500 * random.nextDouble();
            positive[i] = Math.scalb(random.nextDouble() + 0.5, random.nextInt(2200) - 1100);
            moderate[i] = -25 + 50 * random.nextDouble();
        }
        double[] specials = {0.0, -0.0, 1.0, -1.0, Double.NaN, Double.POSITIVE_INFINITY, Double.NEGATIVE_INFINITY,
            Double.MIN_VALUE, Double.MIN_NORMAL, Double.MAX_VALUE, 709.78, 709.79, -745.1, -745.2, 1e-300, 0.5};
        System.arraycopy(specials, 0, wide, 0, specials.length);
        System.arraycopy(specials, 0, positive, 0, specials.length);
        System.arraycopy(specials, 0, moderate, 0, specials.length);
        Tensor x = Tensor.vector(wide);
        Tensor p = Tensor.vector(positive);
        Tensor m = Tensor.vector(moderate);
        Tensor rows = Tensor.vector(moderate).reshape(17, 59);
        Tensor a = Tensor.randomNormal(3, 37, 300);
        Tensor b = Tensor.randomNormal(4, 300, 29);
        List<String> out = new ArrayList<>();
        out.add("exp " + bits(x.exp()));
        out.add("log " + bits(p.log()));
        out.add("tanh " + bits(m.tanh()));
        out.add("sigmoid " + bits(m.sigmoid()) + " sin " + bits(x.sin()) + " pow " + bits(p.pow(m)));
        out.add("logSumExp " + bits(rows.logSumExp(new int[] {1}, false)));
        out.add("softmax " + bits(rows.softmax(1)));
        out.add("logSoftmax " + bits(rows.logSoftmax(1)));
        out.add("sum " + bits(m.sum(0)) + " " + bits(rows.sum(1)));
        out.add("matmul " + bits(a.matmul(b)));
        out.add("transposedMatmul " + bits(a.transpose().transposedMatmul(b)));
        return out;
    }

    /** A digest of the results' bit patterns and the first elements in hexadecimal, to show a difference. */
    private static String bits(Tensor t) {
        double[] v = t.toArray();
        long h = 1;
        StringBuilder first = new StringBuilder();
        for (int i = 0; i < v.length; i++) {
            h = 31 * h + Double.doubleToRawLongBits(v[i]);
        }
        for (int i = 0; i < Math.min(4, v.length); i++) {
            first.append(' ').append(Long.toHexString(Double.doubleToRawLongBits(v[i])));
        }
        return Long.toHexString(h) + first;
    }
}
