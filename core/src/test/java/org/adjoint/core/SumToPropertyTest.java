package org.adjoint.core;

import static org.adjoint.core.TensorAssertions.EPS;
import static org.adjoint.core.TensorAssertions.assertAdjoint;
import static org.adjoint.core.TensorAssertions.assertWithin;

import org.adjoint.verify.Gen;
import org.adjoint.verify.Pair;
import org.adjoint.verify.Property;
import org.junit.jupiter.api.Test;

/**
 * {@code sumTo} undoes broadcasting: the engine sums each input's cotangent back to the input's
 * shape with it. Checked against a reference that adds up, for each element of the small shape,
 * every element of the big tensor that broadcasting would have copied it to; and against
 * {@code broadcastTo}, whose adjoint it must be.
 */
class SumToPropertyTest {

    /** A tensor x (now and then empty), and a random y of a shape x broadcasts to. */
    private static final Gen<Pair<Tensor, Tensor>> SMALL_AND_BIG = CoreGens.broadcastPairs(4, 4).flatMap(pair ->
            Gen.zip(CoreGens.tensorOf(pair.left()), CoreGens.tensorOf(pair.result())));

    @Test
    void sumToAddsUpEveryElementThatBroadcastingWouldHaveCopied() {
        Property.forAll(SMALL_AND_BIG).check(xAndY -> {
            Shape small = xAndY.first().shape();
            Tensor y = xAndY.second();
            Tensor tolerance = reference(y.abs(), small).mul((y.size() + 1) * EPS);
            assertWithin(reference(y, small), y.sumTo(small), tolerance, "sumTo " + small);
        });
    }

    /** ⟨broadcastTo(x), y⟩ = ⟨x, sumTo(y)⟩. */
    @Test
    void sumToIsTheAdjointOfBroadcastTo() {
        Property.forAll(SMALL_AND_BIG).check(xAndY -> {
            Tensor x = xAndY.first();
            Tensor y = xAndY.second();
            assertAdjoint(x, x.broadcastTo(y.shape()), y, y.sumTo(x.shape()),
                    "broadcastTo/sumTo " + x.shape() + " -> " + y.shape());
        });
    }

    /** Broadcasting copies each element r = |target| / |x| times, so summing the copies back gives r·x. */
    @Test
    void sumToAfterBroadcastToMultipliesByTheReplicationCount() {
        Property.forAll(SMALL_AND_BIG).check(xAndY -> {
            Tensor x = xAndY.first();
            Shape target = xAndY.second().shape();
            double r = x.size() == 0 ? 0 : (double) target.size() / x.size();
            Tensor expected = MultiIndex.tabulate(x.shape(), i -> r * x.get(i));
            // r rounded additions of terms of magnitude |x|, each off by at most ulp(r·x) / 2, and r·x rounded once.
            Tensor tolerance = MultiIndex.tabulate(x.shape(), i -> r * Math.ulp(r * x.get(i)));
            assertWithin(expected, x.broadcastTo(target).sumTo(x.shape()), tolerance, "sumTo(broadcastTo(x))");
        });
    }

    /** Each element of {@code small} is the sum of the elements of y that broadcasting would have copied it to. */
    private static Tensor reference(Tensor y, Shape small) {
        double[] sums = new double[small.size()];
        for (int[] i : MultiIndex.all(y.shape())) {
            sums[MultiIndex.flat(MultiIndex.broadcastSource(i, small), small)] += y.get(i);
        }
        return Tensor.of(small, sums);
    }
}
