/**
 * Fitting on Apache Spark: {@link org.adjoint.examples.spark.SparkLogisticExample} generates a large
 * logistic-regression data set inside Spark's partitions and fits it with L-BFGS through the Spark ML
 * estimator; {@link org.adjoint.examples.spark.SyntheticLogistic} is the data both it and the Spark
 * benchmark use.
 */
package org.adjoint.examples.spark;
