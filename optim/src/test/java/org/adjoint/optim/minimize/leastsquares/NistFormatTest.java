package org.adjoint.optim.minimize.leastsquares;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.net.URISyntaxException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.adjoint.optim.minimize.leastsquares.nist.NistDataset;
import org.adjoint.optim.minimize.leastsquares.nist.NistFormat;
import org.adjoint.optim.minimize.leastsquares.nist.NistModels;
import org.junit.jupiter.api.Test;

/** The .dat parser: the values of one file checked by hand, every file read, and errors that name the line. */
class NistFormatTest {

    private static List<String> lines(String name) throws IOException, URISyntaxException {
        return Files.readAllLines(Path.of(NistFormatTest.class.getResource("/nist/" + name + ".dat").toURI()));
    }

    @Test
    void misra1aIsReadAsTheFileSays() throws Exception {
        NistDataset d = NistFormat.parse("Misra1a.dat", "Misra1a", lines("Misra1a"));
        assertArrayEquals(new double[] {500, 0.0001}, d.start1());
        assertArrayEquals(new double[] {250, 0.0005}, d.start2());
        assertArrayEquals(new double[] {2.3894212918E+02, 5.5015643181E-04}, d.certifiedValues());
        assertArrayEquals(new double[] {2.7070075241E+00, 7.2668688436E-06}, d.certifiedDeviations());
        assertEquals(1.2455138894E-01, d.certifiedRss());
        assertEquals(14, d.observations());
        assertEquals(10.07, d.y()[0]);
        assertEquals(77.6, d.x()[0][0]);
    }

    @Test
    void everyFileParsesWithConsistentSizes() {
        assertEquals(27, NistModels.names().size());
        for (String name : NistModels.names()) {
            NistDataset d = NistRuns.problem(name).dataset();
            assertEquals(name, d.name());
            assertEquals(name.equals("Nelson") ? 2 : 1, d.x().length, name);
            assertTrue(d.observations() >= 6 && d.parameters() >= 2, name);
        }
    }

    @Test
    void aDamagedNumberIsReportedWithItsLine() throws Exception {
        List<String> damaged = new ArrayList<>(lines("Misra1a"));
        damaged.set(62, damaged.get(62).replace("17.94E0", "17.9x4E0"));
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NistFormat.parse("Misra1a.dat", "Misra1a", damaged));
        assertTrue(e.getMessage().startsWith("Misra1a.dat, line 63: \"17.9x4E0\""), e.getMessage());
    }

    @Test
    void aMissingParameterLineIsReportedWithItsLine() throws Exception {
        List<String> damaged = new ArrayList<>(lines("Misra1a"));
        damaged.set(41, "");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NistFormat.parse("Misra1a.dat", "Misra1a", damaged));
        assertTrue(e.getMessage().startsWith("Misra1a.dat, line 42: expected \"b2 = "), e.getMessage());
    }

    @Test
    void aShortDataRowIsReportedWithItsLine() throws Exception {
        List<String> damaged = new ArrayList<>(lines("Misra1a"));
        damaged.set(65, "   29.61E0");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NistFormat.parse("Misra1a.dat", "Misra1a", damaged));
        assertTrue(e.getMessage().startsWith("Misra1a.dat, line 66: expected 2 numbers"), e.getMessage());
    }

    @Test
    void aFileWithoutItsHeaderIsRefused() throws Exception {
        List<String> headless = lines("Misra1a").subList(10, 74);
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> NistFormat.parse("x.dat", "x", headless));
        assertTrue(e.getMessage().contains("x.dat: no \"Starting Values"), e.getMessage());
    }
}
