/**
 * Data in, model out: numeric CSV files read into {@link org.adjoint.core.data.Examples}, seeded
 * train/validation/test {@link org.adjoint.core.data.Splits}, a {@link org.adjoint.core.data.Standardizer}
 * fitted on the training split only, one-hot labels and seeded {@link org.adjoint.core.data.Minibatches}.
 * {@code org.adjoint.optim.train.LabeledData.of(Examples)} hands the result to the trainer.
 */
package org.adjoint.core.data;
