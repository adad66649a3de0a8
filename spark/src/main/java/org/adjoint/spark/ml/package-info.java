/**
 * Spark ML integration: {@link org.adjoint.spark.ml.AdjointEstimator} fits any Adjoint
 * {@link org.adjoint.nn.Layer} on a DataFrame with L-BFGS over a distributed objective and returns an
 * {@link org.adjoint.spark.ml.AdjointModel} whose {@code transform} adds a prediction column; both are
 * ordinary Pipeline stages. The model is given as a serializable {@link org.adjoint.spark.ml.LayerFactory}
 * (layers are values but not {@code Serializable}) and a {@link org.adjoint.spark.ml.Loss}; fitted
 * parameters are saved in the library's own {@code .npz} parameter files.
 */
package org.adjoint.spark.ml;
