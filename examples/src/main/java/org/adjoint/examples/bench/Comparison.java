package org.adjoint.examples.bench;

import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.openjdk.jmh.results.RunResult;

/** Turns JMH's results and PyTorch's into one table of workloads, times and ratios. */
final class Comparison {

    /** A table row: the workload's key (shared with the PyTorch script), its description and its target. */
    private record Row(String key, String workload, String target, String adjointKey) {
        Row(String key, String workload, String target) {
            this(key, workload, target, key);
        }
    }

    private static final List<Row> ROWS = List.of(
            new Row("adam_784_128_10_b64", "784-128-10 Adam step, batch 64", "faster than PyTorch"),
            new Row("adam_784_128_10_b64_f32", "784-128-10 Adam step, batch 64 (PyTorch float32)", "",
                    "adam_784_128_10_b64"),
            new Row("adam_784_512_10_b256", "784-512-10 Adam step, batch 256", "faster than PyTorch"),
            new Row("adam_784_512_10_b256_f32", "784-512-10 Adam step, batch 256 (PyTorch float32)", "",
                    "adam_784_512_10_b256"),
            new Row("softmax_fwd_bwd", "softmax classifier fwd+bwd, 1797×64, 10 classes", "at most half of PyTorch"),
            new Row("scalar_rosenbrock_fwd", "scalar-loop Rosenbrock (4,000 ops) fwd", ""),
            new Row("scalar_rosenbrock_fwd_bwd", "scalar-loop Rosenbrock (4,000 ops) fwd+bwd", "≤ 0.4 ms (≤ 100 ns per op)"),
            new Row("tensor_rosenbrock_fwd", "tensor Rosenbrock n = 1000 fwd", ""),
            new Row("tensor_rosenbrock_fwd_bwd", "tensor Rosenbrock n = 1000 fwd+bwd", "faster than PyTorch; backward ≤ 2× forward"),
            new Row("gradient_100", "gradient, Rosenbrock n = 100", ""),
            new Row("hessian_100", "exact Hessian, Rosenbrock n = 100", "faster than PyTorch"),
            new Row("gradient_10000", "gradient, Rosenbrock n = 10,000", ""),
            new Row("hvp_10000", "Hessian-vector product, Rosenbrock n = 10,000", "faster than PyTorch; ≤ 4× one gradient"),
            new Row("matmul_64x784x128", "matmul 64×784 · 784×128", ""),
            new Row("matmul_512x512x512", "matmul 512×512 · 512×512", ""),
            new Row("conv2d_b64_f64", "conv2d fwd+bwd, batch 64, 1→32, 3×3, 28×28 (PyTorch float64)",
                    "faster than PyTorch float64", "conv2d_b64"),
            new Row("conv2d_b64_f32", "conv2d fwd+bwd, batch 64, 1→32, 3×3, 28×28 (PyTorch float32)", "", "conv2d_b64"),
            new Row("lenet_adam_b64_f64", "LeNet-style CNN Adam step, batch 64 (PyTorch float64)",
                    "faster than PyTorch float64", "lenet_adam_b64"),
            new Row("lenet_adam_b64_f32", "LeNet-style CNN Adam step, batch 64 (PyTorch float32)", "", "lenet_adam_b64"));

    private Comparison() {
    }

    /** The row key of a JMH result. */
    static String key(RunResult r) {
        String label = r.getParams().getBenchmark();
        String method = label.substring(label.lastIndexOf('.') + 1);
        String param = r.getParams().getParamsKeys().isEmpty() ? ""
                : r.getParams().getParam(r.getParams().getParamsKeys().iterator().next());
        return switch (method) {
            case "adamStep" -> param.equals("784-128-10/64") ? "adam_784_128_10_b64" : "adam_784_512_10_b256";
            case "forwardBackward" -> "softmax_fwd_bwd";
            case "scalarForward" -> "scalar_rosenbrock_fwd";
            case "scalarForwardBackward" -> "scalar_rosenbrock_fwd_bwd";
            case "tensorForward" -> "tensor_rosenbrock_fwd";
            case "tensorForwardBackward" -> "tensor_rosenbrock_fwd_bwd";
            case "hessian100" -> "hessian_100";
            case "gradient100" -> "gradient_100";
            case "hvp10000" -> "hvp_10000";
            case "gradient10000" -> "gradient_10000";
            case "matmul" -> "matmul_" + param;
            case "conv2dForwardBackward" -> "conv2d_b64";
            case "lenetAdamStep" -> "lenet_adam_b64";
            default -> method;
        };
    }

    /** A result's mean time in milliseconds, whatever unit the benchmark reported in. */
    static double milliseconds(RunResult r) {
        double score = r.getPrimaryResult().getScore();
        String unit = r.getPrimaryResult().getScoreUnit();
        return switch (unit) {
            case "ms/op" -> score;
            case "us/op" -> score / 1e3;
            case "ns/op" -> score / 1e6;
            case "s/op" -> score * 1e3;
            default -> throw new IllegalStateException("unexpected unit " + unit);
        };
    }

    /** A result's JMH error (99.9 % confidence half-width) in milliseconds; NaN with fewer than two iterations. */
    static double errorMilliseconds(RunResult r) {
        double score = r.getPrimaryResult().getScore();
        return score == 0 ? Double.NaN : r.getPrimaryResult().getScoreError() * milliseconds(r) / score;
    }

    /**
     * The table. Adjoint's times carry JMH's error (± the 99.9 % half-width); a ratio's error is Adjoint's
     * relative error (PyTorch's side is a median and has none here).
     */
    static String table(Map<String, Double> adjoint, Map<String, Double> errors, Map<String, Double> torch,
            double bytesPerNode) {
        StringBuilder sb = new StringBuilder();
        sb.append("| workload | Adjoint | PyTorch | PyTorch ÷ Adjoint | target |\n| --- | --- | --- | --- | --- |\n");
        for (Row row : ROWS) {
            Double a = adjoint.get(row.adjointKey());
            Double t = torch.get(row.key());
            if (a == null && t == null) {
                continue;
            }
            Double e = errors.get(row.adjointKey());
            sb.append("| ").append(row.workload()).append(" | ").append(time(a)).append(errorText(a, e)).append(" | ")
                    .append(time(t)).append(" | ").append(ratio(a, e, t)).append(" | ").append(row.target()).append(" |\n");
        }
        sb.append("\nDerived (Adjoint):\n\n");
        derived(sb, adjoint, "scalar-loop Rosenbrock fwd+bwd per op", "scalar_rosenbrock_fwd_bwd", 1e6 / 4000, "%.0f ns");
        ratio(sb, adjoint, "scalar-loop Rosenbrock fwd+bwd ÷ fwd", "scalar_rosenbrock_fwd_bwd", "scalar_rosenbrock_fwd");
        backwardOverForward(sb, adjoint);
        ratio(sb, adjoint, "Hessian n = 100 ÷ one gradient", "hessian_100", "gradient_100");
        ratio(sb, adjoint, "HVP n = 10,000 ÷ one gradient", "hvp_10000", "gradient_10000");
        gflops(sb, adjoint, "matmul_64x784x128", 2.0 * 64 * 784 * 128);
        gflops(sb, adjoint, "matmul_512x512x512", 2.0 * 512 * 512 * 512);
        sb.append(format("- bytes retained per recorded scalar node: %.0f%n", bytesPerNode));
        if (!torch.isEmpty()) {
            sb.append("\nDerived (PyTorch):\n\n");
            derived(sb, torch, "scalar-loop Rosenbrock fwd+bwd per op", "scalar_rosenbrock_fwd_bwd", 1e6 / 4000, "%.0f ns");
            ratio(sb, torch, "Hessian n = 100 ÷ one gradient", "hessian_100", "gradient_100");
            ratio(sb, torch, "HVP n = 10,000 ÷ one gradient", "hvp_10000", "gradient_10000");
            gflops(sb, torch, "matmul_64x784x128", 2.0 * 64 * 784 * 128);
            gflops(sb, torch, "matmul_512x512x512", 2.0 * 512 * 512 * 512);
        }
        return sb.toString();
    }

    static String csv(Map<String, Double> adjoint, Map<String, Double> torch) {
        StringBuilder sb = new StringBuilder("workload,adjoint_ms,pytorch_ms\n");
        for (Row row : ROWS) {
            sb.append(row.key()).append(',').append(value(adjoint.get(row.adjointKey()))).append(',')
                    .append(value(torch.get(row.key()))).append('\n');
        }
        return sb.toString();
    }

    private static void derived(StringBuilder sb, Map<String, Double> m, String label, String key, double scale, String fmt) {
        if (m.containsKey(key)) {
            sb.append("- ").append(label).append(": ").append(format(fmt, m.get(key) * scale)).append('\n');
        }
    }

    private static void ratio(StringBuilder sb, Map<String, Double> m, String label, String top, String bottom) {
        if (m.containsKey(top) && m.containsKey(bottom)) {
            sb.append("- ").append(label).append(": ").append(format("%.2f×", m.get(top) / m.get(bottom))).append('\n');
        }
    }

    private static void backwardOverForward(StringBuilder sb, Map<String, Double> m) {
        Double forward = m.get("tensor_rosenbrock_fwd");
        Double both = m.get("tensor_rosenbrock_fwd_bwd");
        if (forward != null && both != null) {
            sb.append("- tensor Rosenbrock backward ÷ forward: ").append(format("%.2f×", (both - forward) / forward)).append('\n');
        }
    }

    private static void gflops(StringBuilder sb, Map<String, Double> m, String key, double flops) {
        if (m.containsKey(key)) {
            sb.append("- ").append(key).append(": ").append(format("%.1f GFLOP/s", flops / (m.get(key) * 1e6))).append('\n');
        }
    }

    private static String errorText(Double ms, Double error) {
        if (ms == null || error == null || error.isNaN()) {
            return "";
        }
        return " ± " + time(error) + (error > ms / 2 ? " (**error over half the value: no figure**)" : "");
    }

    private static String ratio(Double a, Double error, Double t) {
        if (a == null || t == null) {
            return "—";
        }
        String r = format("%.2f×", t / a);
        return error == null || error.isNaN() ? r : r + format(" ± %.2f", t / a * error / a);
    }

    private static String time(Double ms) {
        if (ms == null) {
            return "—";
        }
        return ms >= 1 ? format("%.2f ms", ms) : format("%.1f µs", ms * 1e3);
    }

    private static String value(Double v) {
        return v == null ? "" : format("%.6f", v);
    }

    private static String format(String fmt, Object... args) {
        return String.format(Locale.ROOT, fmt, args);
    }
}
