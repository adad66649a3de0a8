package org.adjoint.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Path;
import java.util.Map;
import org.adjoint.core.io.Npz;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The tour on the module's Javadoc overview page ({@code src/main/javadoc/overview.html}), with checks of its comments. */
class OverviewTourTest {

    @Test
    void theTourRunsAndItsCommentsHold(@TempDir Path dir) throws IOException {
        Tensor a = Tensor.matrix(new double[][] {{1, 2, 3}, {4, 5, 6}});
        Tensor b = Tensor.vector(10, 20, 30);
        Tensor c = a.add(b).mul(0.5);
        Tensor gram = a.matmul(a.transpose());
        double total = c.sum().item();

        Tensor w = Tensor.randomNormal(42, 3, 4);
        NamedTensors params = NamedTensors.of(Map.of("w", w));
        Npz.write(dir.resolve("params.npz"), params.asMap());

        Tensor numeric = FiniteDifferences.gradient(x -> x.square().sum().item(), b);

        assertEquals(Tensor.matrix(new double[][] {{1, 2, 3}, {4, 5, 6}}), a, "a is unchanged");
        assertEquals(Shape.of(2, 2), gram.shape());
        assertEquals(1 * 4 + 2 * 5 + 3 * 6, gram.get(0, 1));
        assertEquals(70.5, total);
        assertEquals(w, Tensor.randomNormal(42, 3, 4), "seeded");
        assertEquals(w, Npz.read(dir.resolve("params.npz")).get("w"));
        assertTrue(numeric.allClose(b.mul(2), 1e-6, 1e-6), numeric::toString);
    }
}
