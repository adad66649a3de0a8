package org.adjoint.core;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

/** {@link Format}: nested brackets and elision, at any rank. */
class FormatTest {

    /** Strings the recursive printer gave, kept when it became iterative. */
    @Test
    void printsNestedBracketsAndElidesLongAxesAsBefore() {
        assertEquals("tensor([[[0., 1., 2., ..., 4., 5., 6.]]], shape=[1, 1, 7])",
                arange(1, 1, 7).toString());
        assertEquals("tensor([[],\n\n        []], shape=[2, 0, 3])",
                arange(2, 0, 3).toString());
        assertEquals("tensor([[0., 1., 2., ..., 4., 5., 6.],\n        [7., 8., 9., ..., 11., 12., 13.],\n"
                + "        [14., 15., 16., ..., 18., 19., 20.]], shape=[3, 7])",
                arange(3, 7).toString());
        assertEquals("tensor([[[0., 1., 2., ..., 5., 6., 7.],\n         [8., 9., 10., ..., 13., 14., 15.]],\n\n"
                + "        [[16., 17., 18., ..., 21., 22., 23.],\n"
                + "         [24., 25., 26., ..., 29., 30., 31.]],\n\n"
                + "        [[32., 33., 34., ..., 37., 38., 39.],\n"
                + "         [40., 41., 42., ..., 45., 46., 47.]],\n\n        ...,\n\n"
                + "        [[64., 65., 66., ..., 69., 70., 71.],\n"
                + "         [72., 73., 74., ..., 77., 78., 79.]],\n\n"
                + "        [[80., 81., 82., ..., 85., 86., 87.],\n"
                + "         [88., 89., 90., ..., 93., 94., 95.]],\n\n"
                + "        [[96., 97., 98., ..., 101., 102., 103.],\n"
                + "         [104., 105., 106., ..., 109., 110., 111.]]], shape=[7, 2, 8])",
                arange(7, 2, 8).toString());
        assertEquals("tensor([[[[0., 1.],\n          [2., 3.]]],\n\n\n        [[[4., 5.],\n"
                + "          [6., 7.]]],\n\n\n        [[[8., 9.],\n          [10., 11.]]],\n\n\n"
                + "        ...,\n\n\n        [[[20., 21.],\n          [22., 23.]]],\n\n\n"
                + "        [[[24., 25.],\n          [26., 27.]]],\n\n\n        [[[28., 29.],\n"
                + "          [30., 31.]]]], shape=[8, 1, 2, 2])",
                arange(8, 1, 2, 2).toString());
    }

    /**
     * Issue 17, item 19: printing recursed once per axis, so a tensor of 10,000 axes (which a forged
     * file could load) threw StackOverflowError.
     */
    @Test
    void aTensorOfTenThousandAxesPrintsWithoutOverflowingTheStack() {
        int[] dims = new int[10_000];
        Arrays.fill(dims, 1);
        String s = Tensor.full(Shape.of(dims), 2).toString();
        assertEquals("tensor(" + "[".repeat(10_000) + "2." + "]".repeat(10_000) + ")", s);
    }

    private static Tensor arange(int... dims) {
        return Tensor.arange(Shape.of(dims).size()).reshape(dims);
    }
}
