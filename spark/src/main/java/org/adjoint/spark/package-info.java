/**
 * Fitting Adjoint models on Apache Spark: objectives that are sums over a distributed dataset,
 * evaluated partition by partition on the executors and added up on the driver in partition order,
 * so that every minimizer of {@code org.adjoint.optim.minimize} runs on a cluster with the same bits
 * for the same partitioning.
 */
package org.adjoint.spark;
