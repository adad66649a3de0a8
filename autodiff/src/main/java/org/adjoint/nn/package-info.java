/**
 * Neural-network models on top of autodiff: the core contracts. A {@link org.adjoint.nn.Model} is a
 * forward pass from {@link org.adjoint.nn.Variables} (parameters by name) and an input batch; a
 * {@link org.adjoint.nn.Layer} is a model that also declares its parameters
 * ({@link org.adjoint.nn.ParameterSpec}); {@link org.adjoint.nn.Predictions} evaluates a model, and
 * {@link org.adjoint.nn.ConfusionMatrix} and {@link org.adjoint.nn.RegressionMetrics} score its
 * predictions with scikit-learn's metrics.
 *
 * <h2>Training and evaluation modes, and buffers</h2>
 *
 * <p>Some layers behave differently when training (dropout draws a mask; batch normalization uses the
 * batch's statistics and updates its running statistics) and keep state that is not trained (the
 * running statistics: "buffers", in PyTorch's term). Both are explicit, with no global mode:
 * <ul>
 *   <li>{@link org.adjoint.nn.Model#forward(Variables, org.adjoint.autodiff.Var, Context)} takes a
 *       {@link org.adjoint.nn.Context}: the {@link org.adjoint.nn.Mode} ({@code training(seed)} or
 *       {@code evaluation()}) and the model's buffers. It returns a {@link org.adjoint.nn.Forward}: the
 *       output and the buffers the pass changed, returned rather than stored; the caller applies them
 *       ({@link org.adjoint.nn.Forward#applyTo}, {@link org.adjoint.nn.ModelState#after}). Its default
 *       calls the two-argument {@code forward} and changes nothing, so every existing model and layer
 *       works in a context unchanged; the layers that depend on the mode override it.</li>
 *   <li>A {@link org.adjoint.nn.Layer} declares buffers as it declares parameters,
 *       {@link org.adjoint.nn.Layer#buffers()} ({@code ParameterSpec}s, none by default), initialized by
 *       {@link org.adjoint.nn.Layer#initializeBuffers()} into a {@code NamedTensors} kept beside the
 *       parameters; {@code Sequential} scopes them like parameters ({@code layer2.running_mean}).
 *       {@link org.adjoint.nn.ModelState} holds both; {@code ParameterFile} saves and loads it as one
 *       archive, like PyTorch's state dict.</li>
 *   <li>A training pass's seed is split per layer ({@link org.adjoint.nn.Context#child}), so two dropout
 *       layers draw different masks and the same seed gives the same masks bit for bit. A trainer gives
 *       each step its own seed ({@code org.adjoint.optim.train.ModelTraining}).</li>
 *   <li>{@link org.adjoint.nn.Model#in(Context)} fixes a context, giving a plain {@code Model} for
 *       {@code Predictions}: {@code net.in(Context.evaluation(buffers))}. The two-argument
 *       {@code forward} has no mode: dropout is then the identity and batch normalization refuses to
 *       run.</li>
 * </ul>
 *
 * <p>Not here: concrete layers ({@code org.adjoint.nn.layers}), initializers
 * ({@code org.adjoint.nn.init}), saving and loading ({@code org.adjoint.nn.io}). Parameter sets
 * themselves are {@code org.adjoint.core.NamedTensors}.
 */
package org.adjoint.nn;
