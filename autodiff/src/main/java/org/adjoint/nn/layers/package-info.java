/**
 * Concrete layers: fully connected ({@link org.adjoint.nn.layers.Affine},
 * {@link org.adjoint.nn.layers.Linear}, {@link org.adjoint.nn.layers.AppendOnes}), elementwise
 * {@link org.adjoint.nn.layers.Activation}s, and composition ({@link org.adjoint.nn.layers.Sequential},
 * {@link org.adjoint.nn.layers.Mlp}), regularization and normalization ({@link org.adjoint.nn.layers.Dropout},
 * {@link org.adjoint.nn.layers.LayerNorm}, {@link org.adjoint.nn.layers.BatchNorm1d},
 * {@link org.adjoint.nn.layers.BatchNorm2d}) and lookup tables ({@link org.adjoint.nn.layers.Embedding}),
 * initialized as PyTorch initializes them. Each is a small immutable value implementing
 * {@link org.adjoint.nn.Layer}.
 *
 * <p>Not here: the layer contracts ({@code org.adjoint.nn}) and how parameters are first drawn
 * ({@code org.adjoint.nn.init}).
 */
package org.adjoint.nn.layers;
