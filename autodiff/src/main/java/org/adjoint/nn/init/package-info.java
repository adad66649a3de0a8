/**
 * How parameters get their first values: {@link org.adjoint.nn.init.Initializer} and its factories
 * (constant, uniform, normal, Xavier/Glorot and He/Kaiming), with PyTorch's fan-in/fan-out rule.
 *
 * <p>Not here: which parameters a layer has ({@code org.adjoint.nn.ParameterSpec}).
 */
package org.adjoint.nn.init;
