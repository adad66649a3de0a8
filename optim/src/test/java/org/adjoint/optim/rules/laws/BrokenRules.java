package org.adjoint.optim.rules.laws;

import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;
import org.adjoint.optim.Slots;
import org.adjoint.optim.StatelessRule;
import org.adjoint.optim.Update;
import org.adjoint.optim.UpdateRule;

/** Update rules that each break one law on purpose, and otherwise descend like gradient descent. */
final class BrokenRules {

    private BrokenRules() {
    }

    /** Keeps the last gradient in a {@code double[]} of its state and overwrites that array in place (breaks noMutation). */
    record InPlaceGradientMemory(double learningRate) implements UpdateRule<InPlaceGradientMemory.State> {

        record State(Shape shape, double[] lastGrad) {
        }

        @Override
        public State init(Tensor param) {
            return new State(param.shape(), new double[param.size()]);
        }

        @Override
        public Update<State> apply(Tensor param, Tensor grad, State state, double lr) {
            double[] g = grad.toArray();
            System.arraycopy(g, 0, state.lastGrad(), 0, g.length);
            return new Update<>(param.sub(grad.mul(lr)), state);
        }

        @Override
        public Map<String, Tensor> save(State state) {
            return Map.of("last_grad", Tensor.of(state.shape(), state.lastGrad()));
        }

        @Override
        public State restore(Map<String, Tensor> saved, Tensor param) {
            return new State(param.shape(), Slots.get("InPlaceGradientMemory", saved, "last_grad", param.shape()).toArray());
        }
    }

    /** Counts its calls in a field, so a second call on the same arguments moves further (breaks noMutation). */
    static final class HiddenCounter implements StatelessRule {

        private final AtomicLong calls = new AtomicLong();

        @Override
        public double learningRate() {
            return 0.1;
        }

        @Override
        public Tensor apply(Tensor param, Tensor grad, double lr) {
            return param.sub(grad.mul(lr * calls.incrementAndGet()));
        }

        @Override
        public String toString() {
            return "HiddenCounter";
        }
    }

    /** θ ← θ + η·g: climbs (breaks decreasesConvexQuadratic). */
    record Ascent(double learningRate) implements StatelessRule {

        @Override
        public Tensor apply(Tensor param, Tensor grad, double lr) {
            return param.add(grad.mul(lr));
        }
    }

    /** θ ← θ − (η/√t)·g with a step count t that it does not save, so a restored state starts over (breaks checkpointRoundTrip). */
    record ForgetfulCounter(double learningRate) implements UpdateRule<ForgetfulCounter.State> {

        record State(long step) {
        }

        @Override
        public State init(Tensor param) {
            return new State(0);
        }

        @Override
        public Update<State> apply(Tensor param, Tensor grad, State state, double lr) {
            long t = state.step() + 1;
            return new Update<>(param.sub(grad.mul(lr / Math.sqrt(t))), new State(t));
        }

        @Override
        public Map<String, Tensor> save(State state) {
            return Map.of();
        }

        @Override
        public State restore(Map<String, Tensor> saved, Tensor param) {
            return new State(0);
        }
    }

    /** Momentum with its buffer kept flat, of shape [size] whatever the parameter's shape (breaks stateShapesMatch). */
    record FlatMomentum(double learningRate) implements UpdateRule<Tensor> {

        @Override
        public Tensor init(Tensor param) {
            return Tensor.zeros(param.size());
        }

        @Override
        public Update<Tensor> apply(Tensor param, Tensor grad, Tensor buffer, double lr) {
            Tensor b = buffer.mul(0.5).add(grad.reshape(param.size()));
            return new Update<>(param.sub(b.reshape(param.shape()).mul(lr)), b);
        }

        @Override
        public Map<String, Tensor> save(Tensor buffer) {
            return Map.of("momentum_buffer", buffer);
        }

        @Override
        public Tensor restore(Map<String, Tensor> saved, Tensor param) {
            return Slots.get("FlatMomentum", saved, "momentum_buffer", Shape.of(param.size()));
        }
    }
}
