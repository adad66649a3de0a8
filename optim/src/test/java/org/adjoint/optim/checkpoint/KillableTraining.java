package org.adjoint.optim.checkpoint;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.adjoint.autodiff.Losses;
import org.adjoint.autodiff.Var;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.adjoint.nn.Variables;
import org.adjoint.nn.io.ParameterFile;
import org.adjoint.nn.layers.Activation;
import org.adjoint.nn.layers.Mlp;
import org.adjoint.nn.layers.Sequential;
import org.adjoint.optim.Optimizer;
import org.adjoint.optim.OptimizerState;
import org.adjoint.optim.Step;
import org.adjoint.optim.rules.Adam;

/**
 * The training run that {@link CrashSafetyTest} kills: a tanh MLP on fixed synthetic data with Adam,
 * the same step for step in every JVM. Its {@link #main} resumes from the checkpoint if there is one
 * and then, forever, takes a step, saves the parameters ({@link ParameterFile}) and then the
 * checkpoint ({@link Checkpoint}), each over the previous file, and prints {@code saved <step>} once
 * both are written. It exits when its standard input ends, so that it never outlives the test. The model has about 77,000 parameters, so that a save (about 2.5 MB, forced to
 * disk) takes long enough to be killed in the middle of.
 */
final class KillableTraining {

    static final String CHECKPOINT = "run.ckpt.npz";
    static final String PARAMETERS = "run.params.npz";
    static final Optimizer OPTIMIZER = Optimizer.of(new Adam(1e-3));

    private static final Sequential NET = Mlp.of(Activation.TANH, 32, 256, 256, 10);
    private static final int EXAMPLES = 256;
    private static final int BATCH = 32;
    private static final Tensor INPUTS = Tensor.randomNormal(11, EXAMPLES, 32);
    private static final int[] LABELS = labels();

    private KillableTraining() {
    }

    private static int[] labels() {
        int[] labels = new int[EXAMPLES];
        for (int i = 0; i < EXAMPLES; i++) {
            labels[i] = (i * 7 + 3) % 10;
        }
        return labels;
    }

    /** The parameters before the first step. */
    static NamedTensors initial() {
        return NET.initialize(5);
    }

    /** The step after {@code state}: a loss on the batch chosen by the step count, then Adam. */
    static Step step(NamedTensors params, OptimizerState state) {
        int from = (int) (state.step() % (EXAMPLES / BATCH)) * BATCH;
        int[] labels = java.util.Arrays.copyOfRange(LABELS, from, from + BATCH);
        Variables vars = Variables.track(params);
        Var loss = Losses.softmaxCrossEntropy(NET.forward(vars, Var.constant(INPUTS.slice(0, from, from + BATCH))), labels);
        return OPTIMIZER.step(params, vars.gradients(loss), state);
    }

    /** {@code args[0]}: the folder of the checkpoint and parameter files. */
    public static void main(String[] args) throws IOException {
        Path dir = Path.of(args[0]);
        Path checkpoint = dir.resolve(CHECKPOINT);
        NamedTensors params = initial();
        OptimizerState state = OPTIMIZER.init(params);
        if (Files.exists(checkpoint)) {
            Checkpoint.Contents saved = Checkpoint.load(checkpoint, OPTIMIZER, params);
            params = saved.params();
            state = saved.state();
        }
        exitWhenStdinEnds();
        System.out.println("resumed " + state.step());
        System.out.flush();
        while (true) {
            Step step = step(params, state);
            params = step.params();
            state = step.state();
            ParameterFile.save(dir.resolve(PARAMETERS), params);
            Checkpoint.save(checkpoint, OPTIMIZER, params, state, Map.of("step", (double) state.step()));
            System.out.println("saved " + state.step());
            System.out.flush();
        }
    }

    private static void exitWhenStdinEnds() {
        Thread watchdog = new Thread(() -> {
            try {
                while (System.in.read() >= 0) {
                    // the parent writes nothing; the read returns -1 when it is gone
                }
            } catch (IOException e) {
                // as good as the end of the input
            }
            Runtime.getRuntime().halt(3);
        }, "stdin-watchdog");
        watchdog.setDaemon(true);
        watchdog.start();
    }
}
