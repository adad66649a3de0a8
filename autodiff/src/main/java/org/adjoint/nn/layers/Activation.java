package org.adjoint.nn.layers;

import org.adjoint.autodiff.Var;
import org.adjoint.nn.Layer;
import org.adjoint.nn.Variables;

/** Elementwise activation layers, without parameters. */
public enum Activation implements Layer {
    /** {@code max(x, 0)}. */
    RELU {
        @Override
        public Var forward(Variables params, Var x) {
            return x.relu();
        }
    },
    /** {@code tanh x}. */
    TANH {
        @Override
        public Var forward(Variables params, Var x) {
            return x.tanh();
        }
    },
    /** {@code 1 / (1 + e⁻ˣ)}. */
    SIGMOID {
        @Override
        public Var forward(Variables params, Var x) {
            return x.sigmoid();
        }
    }
}
