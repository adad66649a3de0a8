/**
 * The NIST Statistical Reference Datasets for nonlinear regression (27 problems, two starting points
 * each, certified values to 11 digits: https://www.itl.nist.gov/div898/strd/nls/nls_main.shtml):
 * the {@code .dat} file parser ({@link org.adjoint.optim.minimize.leastsquares.nist.NistFormat}), the 27 models
 * as Var code ({@link org.adjoint.optim.minimize.leastsquares.nist.NistModels}), and the problem with its score,
 * the log relative error of the worst parameter
 * ({@link org.adjoint.optim.minimize.leastsquares.nist.NistProblem}). The data files themselves are not in the
 * library jar: the tests ship their copy under {@code optim/src/test/resources/nist/}.
 */
package org.adjoint.optim.minimize.leastsquares.nist;
