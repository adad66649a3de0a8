package org.adjoint.autodiff.ops;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.List;
import org.adjoint.autodiff.Op;
import org.adjoint.autodiff.Var;
import org.adjoint.autodiff.engine.Nodes;
import org.adjoint.core.Tensor;
import org.junit.jupiter.api.Test;

/** Ops are values: built from equal arrays they are equal, hash alike, and print their contents. */
class OpValueSemanticsTest {

    @Test
    void opsBuiltFromEqualArraysAreEqual() {
        List<Op> a = everyArrayOp(new int[] {0, 1}, new int[] {2, 0, 1});
        List<Op> b = everyArrayOp(new int[] {0, 1}, new int[] {2, 0, 1});
        for (int i = 0; i < a.size(); i++) {
            assertEquals(a.get(i), b.get(i));
            assertEquals(a.get(i).hashCode(), b.get(i).hashCode(), a.get(i).toString());
        }
    }

    @Test
    void opsBuiltFromDifferentArraysDiffer() {
        List<Op> a = everyArrayOp(new int[] {0, 1}, new int[] {2, 0, 1});
        List<Op> b = everyArrayOp(new int[] {1, 0}, new int[] {2, 1, 0});
        for (int i = 0; i < a.size(); i++) {
            assertNotEquals(a.get(i), b.get(i));
        }
    }

    @Test
    void theRecordedOpIsEqualToOneBuiltByHand() {
        Var x = Var.param(Tensor.zeros(2, 3));
        assertEquals(new Sum(IntList.copyOf(1), true), Nodes.op(x.sum(new int[] {1}, true)));
        assertEquals(new Gather(IntList.copyOf(2, 0)), Nodes.op(x.gather(new int[] {2, 0})));
    }

    @Test
    void opsPrintTheirArraysContents() {
        assertEquals("Sum[axes=[0, 1], keepDims=false]", new Sum(IntList.copyOf(0, 1), false).toString());
        assertEquals("Gather[indices=[2, 0, 1]]", new Gather(IntList.copyOf(2, 0, 1)).toString());
        assertEquals("SoftmaxCrossEntropy[labels=[1, 0]]", new SoftmaxCrossEntropy(IntList.copyOf(1, 0)).toString());
    }

    @Test
    void anIntListDoesNotSeeLaterChangesToItsArray() {
        int[] axes = {0, 1};
        IntList list = IntList.copyOf(axes);
        axes[0] = 5;
        assertEquals(IntList.copyOf(0, 1), list);
        assertEquals(IntList.range(2), list);
    }

    /** One of each op with an int-array parameter, built from {@code axes} and {@code indices}. */
    private static List<Op> everyArrayOp(int[] axes, int[] indices) {
        IntList a = IntList.copyOf(axes);
        IntList i = IntList.copyOf(indices);
        return List.of(new Sum(a, false), new ReduceMax(a, true), new ReduceMin(a, false), new LogSumExp(a, true),
                new Softmax(a), new Permute(a), new Gather(i), new Scatter(i, 4), new SoftmaxCrossEntropy(i),
                new TakeRows(i, org.adjoint.core.Shape.of(3)), new AddRows(i, org.adjoint.core.Shape.of(3), 4),
                new TakeFlat(i, org.adjoint.core.Shape.of(3)), new ScatterAddFlat(i, org.adjoint.core.Shape.of(3)));
    }
}
