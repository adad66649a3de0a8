package org.adjoint.examples.data;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import org.adjoint.core.io.MalformedFileException;
import org.junit.jupiter.api.Test;

class MnistJsonTest {

    private static byte[] parse(String json) throws IOException {
        return MnistJson.readPixels(new ByteArrayInputStream(json.getBytes(StandardCharsets.US_ASCII)), "7.json");
    }

    /** One image: the given leading values, then zeros up to 784. */
    private static String image(String... leading) {
        return String.join(",", leading) + ",0".repeat(784 - leading.length);
    }

    @Test
    void valuesRoundedTo3DecimalsGiveBackTheirBytes() throws IOException {
        byte[] pixels = parse("{ \"data\": [" + image("1", "0.2", "0.624", "0.004", "1.000") + ",\n" + image("0.502") + "]}\n");
        assertEquals(2 * 784, pixels.length);
        assertArrayEquals(new byte[] {(byte) 255, 51, (byte) 159, 1, (byte) 255}, Arrays.copyOf(pixels, 5));
        assertEquals(128, pixels[784] & 0xFF);
        assertEquals(0, pixels[785]);
    }

    @Test
    void malformedInputNamesTheFileAndOffset() {
        String[] bad = {
            "{ \"pixels\": [" + image("0") + "]}",
            "{ \"data\": [" + image("-0.2") + "]}",
            "{ \"data\": [" + image("0.5") + "]}",
            "{ \"data\": [" + image("1.2") + "]}",
            "{ \"data\": [" + image("1e-3") + "]}",
            "{ \"data\": [" + image("0.") + "]}",
            "{ \"data\": [" + image("0") + "]} extra",
            "{ \"data\": [" + image("0"),
            "{ \"data\": [0, 0, 0]}",
            "{ \"data\": []}",
            "",
        };
        for (String json : bad) {
            String message = assertThrows(MalformedFileException.class, () -> parse(json)).getMessage();
            assertTrue(message.startsWith("7.json: ") && (message.contains("offset") || message.contains("multiple of 784")),
                    message);
        }
    }
}
