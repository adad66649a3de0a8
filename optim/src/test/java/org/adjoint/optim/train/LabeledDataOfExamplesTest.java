package org.adjoint.optim.train;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.io.StringReader;
import org.adjoint.core.Tensor;
import org.adjoint.core.data.Csv;
import org.adjoint.core.data.Examples;
import org.adjoint.core.data.Splits;
import org.junit.jupiter.api.Test;

class LabeledDataOfExamplesTest {

    @Test
    void csvExamplesBecomeLabeledDataForTheTrainer() throws IOException {
        StringBuilder csv = new StringBuilder("x1,x2,class\n");
        for (int i = 0; i < 20; i++) {
            csv.append(i).append(',').append(i * i).append(',').append(i % 3).append('\n');
        }
        Examples all = Csv.withHeader().label("class").read(new StringReader(csv.toString()), "inline");
        Splits splits = Splits.of(all, 0.25, 0.25, 7).standardized();
        LabeledData train = LabeledData.of(splits.train());
        assertEquals(10, train.size());
        assertEquals(splits.train().features(), train.inputs());
        assertArrayEquals(splits.train().labels(), train.labels());
    }

    @Test
    void realTargetsAreRefused() {
        Examples real = new Examples(Tensor.zeros(1, 2), Tensor.vector(0.5));
        assertThrows(IllegalArgumentException.class, () -> LabeledData.of(real));
    }

    @Test
    void regressionExamplesAreADatasetOfExamples() {
        Examples all = new Examples(Tensor.arange(6).reshape(3, 2), Tensor.vector(0.5, 1.5, 2.5));
        ExamplesData data = new ExamplesData(all);
        assertEquals(3, data.size());
        Examples batch = data.batch(new int[] {2, 0});
        assertArrayEquals(new double[] {2.5, 0.5}, batch.targets().toArray());
        assertArrayEquals(new double[] {4, 5, 0, 1}, batch.features().toArray());
        assertEquals(null, data.nonFinite(new int[] {0, 1}));
        Examples bad = new Examples(Tensor.matrix(new double[][] {{1, Double.NaN}}), Tensor.vector(0));
        assertEquals("inputs[0, 1] = NaN (row 0 of the batch)", new ExamplesData(bad).nonFinite(new int[] {0}));
    }
}
