package org.adjoint.optim.minimize;

/**
 * How many times an objective was evaluated, by kind.
 *
 * @param values                 value-only evaluations
 * @param gradients              value-and-gradient evaluations
 * @param hessians               full Hessians
 * @param hessianVectorProducts  Hessian-vector products
 */
public record Evaluations(int values, int gradients, int hessians, int hessianVectorProducts) {

    /** All evaluations of any kind. */
    public int total() {
        return values + gradients + hessians + hessianVectorProducts;
    }

    @Override
    public String toString() {
        return values + " values, " + gradients + " gradients, " + hessians + " Hessians, " + hessianVectorProducts
                + " Hessian-vector products";
    }
}
