package org.adjoint.examples.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.adjoint.core.io.MalformedFileException;
import org.adjoint.optim.train.LabeledData;
import org.junit.jupiter.api.Test;

class DigitsCsvTest {

    private static LabeledData read(String csv) throws IOException {
        return DigitsCsv.read(new ByteArrayInputStream(csv.getBytes(StandardCharsets.US_ASCII)), "digits.csv");
    }

    @Test
    void linesBecomeRowsOfPixelsOverSixteenWithTheirLabels() throws IOException {
        String line = "16," + "0,".repeat(62) + "8,";
        LabeledData data = read(line + "3\r\n\n" + line + "9\n");
        assertArrayEquals(new int[] {3, 9}, data.labels());
        assertEquals(1.0, data.inputs().get(1, 0), 0.0);
        assertEquals(0.5, data.inputs().get(0, 63), 0.0);
    }

    /** Found by DataFilesFuzzTest: an empty or blank source loaded as a data set of no examples. */
    @Test
    void aSourceWithoutDataLinesIsMalformed() {
        for (String csv : new String[] {"", "\n \n\t\n"}) {
            MalformedFileException e = assertThrows(MalformedFileException.class, () -> read(csv));
            assertEquals("digits.csv: no data lines; expected lines of 64 pixels and a label", e.getMessage());
        }
    }
}
