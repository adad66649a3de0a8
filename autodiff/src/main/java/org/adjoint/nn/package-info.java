/**
 * Neural-network models on top of autodiff: the core contracts. A {@link org.adjoint.nn.Model} is a
 * forward pass from {@link org.adjoint.nn.Variables} (parameters by name) and an input batch; a
 * {@link org.adjoint.nn.Layer} is a model that also declares its parameters
 * ({@link org.adjoint.nn.ParameterSpec}); {@link org.adjoint.nn.Predictions} evaluates a model, and
 * {@link org.adjoint.nn.ConfusionMatrix} and {@link org.adjoint.nn.RegressionMetrics} score its
 * predictions with scikit-learn's metrics.
 *
 * <p>Not here: concrete layers ({@code org.adjoint.nn.layers}), initializers
 * ({@code org.adjoint.nn.init}), saving and loading ({@code org.adjoint.nn.io}). Parameter sets
 * themselves are {@code org.adjoint.core.NamedTensors}.
 */
package org.adjoint.nn;
