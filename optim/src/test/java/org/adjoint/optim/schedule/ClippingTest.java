package org.adjoint.optim.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;

import java.util.LinkedHashMap;
import java.util.Map;
import org.adjoint.core.NamedTensors;
import org.adjoint.core.Tensor;
import org.junit.jupiter.api.Test;

class ClippingTest {

    private static NamedTensors grads() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("a", Tensor.vector(3, 0));
        m.put("b", Tensor.scalar(4));
        return NamedTensors.of(m);
    }

    @Test
    void globalNormScalesAllGradientsTogether() {
        NamedTensors clipped = Clipping.globalNorm(1).apply(grads());
        double coefficient = 1 / (5 + 1e-6);
        assertEquals(Tensor.vector(3 * coefficient, 0), clipped.get("a"));
        assertEquals(4 * coefficient, clipped.get("b").item());
    }

    @Test
    void gradientsWithinTheNormAreLeftAlone() {
        NamedTensors g = grads();
        assertSame(g, Clipping.globalNorm(10).apply(g));
    }

    @Test
    void valueClippingClampsEachElement() {
        NamedTensors clipped = Clipping.value(3.5).apply(grads());
        assertEquals(Tensor.vector(3, 0), clipped.get("a"));
        assertEquals(3.5, clipped.get("b").item());
    }

    /** Issue 17, item 22: the sum of squares overflowed beyond about 1.3e154 and every gradient became 0. */
    @Test
    void globalNormOfHugeGradientsScalesInsteadOfZeroing() {
        Map<String, Tensor> m = new LinkedHashMap<>();
        m.put("a", Tensor.vector(3e200, 0));
        m.put("b", Tensor.scalar(-4e200));
        NamedTensors clipped = Clipping.globalNorm(1).apply(NamedTensors.of(m));
        assertEquals(0.6, clipped.get("a").get(0), 1e-15);
        assertEquals(0.0, clipped.get("a").get(1));
        assertEquals(-0.8, clipped.get("b").item(), 1e-15);
    }

    @Test
    void globalNormJustAboveTheOverflowThreshold() {
        NamedTensors g = NamedTensors.of(Map.of("w", Tensor.vector(2e154, 2e154)));
        NamedTensors clipped = Clipping.globalNorm(2).apply(g);
        assertEquals(Math.sqrt(2), clipped.get("w").get(0), 1e-15);
        assertEquals(Math.sqrt(2), clipped.get("w").get(1), 1e-15);
    }
}
