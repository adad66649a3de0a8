package org.adjoint.core.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import org.adjoint.core.Shape;
import org.adjoint.core.io.MalformedFileException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class CsvTest {

    private static Examples read(Csv csv, String text) throws IOException {
        return csv.read(new StringReader(text), "t.csv");
    }

    private static String refused(Csv csv, String text) {
        return assertThrows(MalformedFileException.class, () -> read(csv, text)).getMessage();
    }

    @Test
    void headerAndLabelByName() throws IOException {
        Examples e = read(Csv.withHeader().label("y"), "a,y,b\n1,0,2\n3,1,4.5e1\n");
        assertEquals(Shape.of(2, 2), e.features().shape());
        assertArrayEquals(new double[] {1, 2, 3, 45}, e.features().toArray());
        assertArrayEquals(new int[] {0, 1}, e.labels());
    }

    @Test
    void noHeaderLabelByIndexFromEitherEnd() throws IOException {
        String text = "5,1.5,-2\n0,.25,+3\n";
        Examples first = read(Csv.withoutHeader().label(0), text);
        assertArrayEquals(new double[] {1.5, -2, 0.25, 3}, first.features().toArray());
        assertArrayEquals(new double[] {5, 0}, first.targets().toArray());
        Examples last = read(Csv.withoutHeader(), text);
        assertArrayEquals(new double[] {-2, 3}, last.targets().toArray());
        assertEquals(last, read(Csv.withoutHeader().label(-1), text));
    }

    @Test
    void quotedFieldsSpacesAndOtherDelimiters() throws IOException {
        Examples e = read(Csv.withHeader().label("class").delimiter(';'), "\"x;1\";class\n \"7\" ; 2 \n");
        assertArrayEquals(new double[] {7}, e.features().toArray());
        assertArrayEquals(new int[] {2}, e.labels());
    }

    @Test
    void missingValueNamesLineAndColumnAsAnEditorDoes() {
        String m = refused(Csv.withHeader(), "a,b,y\n1,2,0\n\n3,,1\n");
        assertEquals("t.csv, line 4, column 2 ('b'): missing value", m);
    }

    @Test
    void nonNumbersAreRefusedIncludingNaNAndInfinity() {
        for (String bad : new String[] {"abc", "NaN", "Infinity", "NA", "1,5", "0x10", "1d", "1e999"}) {
            String field = bad.contains(",") ? "\"" + bad + "\"" : bad;
            String m = refused(Csv.withoutHeader(), "1,2\n3," + field + "\n");
            assertEquals("t.csv, line 2, column 2: '" + bad + "' is not a finite number", m, bad);
        }
    }

    @Test
    void lineNumbersCountMultilineQuotedFields() {
        String m = refused(Csv.withHeader(), "\"a\nb\",y\n1,2\nx,3\n");
        assertEquals("t.csv, line 4, column 1 ('a\nb'): 'x' is not a finite number", m);
    }

    @Test
    void raggedRowsUnknownLabelsAndEmptyFilesAreRefused() {
        assertEquals("t.csv, line 3: 3 fields, but the header has 2", refused(Csv.withHeader(), "a,y\n1,2\n1,2,3\n"));
        assertEquals("t.csv: no column named 'z' in the header [a, y]", refused(Csv.withHeader().label("z"), "a,y\n1,2\n"));
        assertEquals("t.csv: label column 5 does not exist in rows of 2 columns", refused(Csv.withoutHeader().label(5), "1,2\n"));
        assertEquals("t.csv: no data rows", refused(Csv.withHeader(), "a,y\n"));
        assertThrows(IllegalArgumentException.class, () -> Csv.withoutHeader().label("y"));
    }

    @Test
    void readsFilesAsUtf8(@TempDir Path dir) throws IOException {
        Path file = dir.resolve("d.csv");
        Files.writeString(file, "größe,y\n1.5,1\n");
        Examples e = Csv.withHeader().read(file);
        assertArrayEquals(new double[] {1.5}, e.features().toArray());
        String m = assertThrows(MalformedFileException.class,
                () -> Csv.withHeader().read(Files.writeString(dir.resolve("bad.csv"), "größe,y\n?,1\n"))).getMessage();
        assertEquals(dir.resolve("bad.csv") + ", line 2, column 1 ('größe'): '?' is not a finite number", m);
        Path latin1 = Files.write(dir.resolve("latin1.csv"), new byte[] {'a', (byte) 0xE4, ',', 'y', '\n', '1', ',', '2', '\n'});
        assertEquals(latin1 + ": not valid UTF-8",
                assertThrows(MalformedFileException.class, () -> Csv.withHeader().read(latin1)).getMessage());
        assertThrows(java.nio.file.FileSystemException.class, () -> Csv.withHeader().read(dir));
        String quote = refused(Csv.withHeader(), "a,y\n\"1,2\n");
        assertTrue(quote.startsWith("t.csv: "), quote);
    }
}
