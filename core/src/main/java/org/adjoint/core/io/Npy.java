package org.adjoint.core.io;

import java.io.IOException;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.adjoint.core.Shape;
import org.adjoint.core.Tensor;

/**
 * NumPy's {@code .npy} format, version 1.0, written as little-endian float64 arrays in C order and
 * read from any {@link NpyType} in either byte order (C order only): the magic
 * string {@code \x93NUMPY}, the version, a little-endian 16-bit header length, an ASCII header such as
 * {@code {'descr': '<f8', 'fortran_order': False, 'shape': (3, 4), }} padded with spaces to a multiple
 * of 64 bytes and ended by a newline, then the raw data. Doubles are written bit for bit, NaN payloads
 * included. As in NumPy, an array has at most {@value #MAX_RANK} axes; a header with more is refused.
 */
final class Npy {

    /** The most axes an array may have: NumPy's limit (NPY_MAXDIMS, 64 since NumPy 2.0). */
    static final int MAX_RANK = 64;
    private static final byte[] MAGIC = {(byte) 0x93, 'N', 'U', 'M', 'P', 'Y'};
    private static final int PREAMBLE = MAGIC.length + 2 + 2;
    /**
     * The header dictionary. Every quantifier is possessive: no token can start with what the one
     * before it repeats, so nothing valid is lost, and a forged header of 64 KB of spaces fails in
     * linear time instead of backtracking for seconds over every split of the spaces.
     */
    private static final Pattern HEADER = Pattern.compile(
            "\\{\\s*+'descr'\\s*+:\\s*+'([^']*+)'\\s*+,\\s*+'fortran_order'\\s*+:\\s*+(True|False)\\s*+,"
                    + "\\s*+'shape'\\s*+:\\s*+\\(([0-9,\\s]*+)\\)\\s*+,?\\s*+}\\s*+");

    private Npy() {
    }

    static byte[] encode(Tensor t) {
        Shape shape = t.shape();
        StringBuilder dims = new StringBuilder();
        for (int i = 0; i < shape.rank(); i++) {
            dims.append(shape.dim(i)).append(shape.rank() == 1 ? "," : i + 1 < shape.rank() ? ", " : "");
        }
        String dict = "{'descr': '<f8', 'fortran_order': False, 'shape': (" + dims + "), }";
        int padded = (PREAMBLE + dict.length() + 1 + 63) / 64 * 64 - PREAMBLE;
        String header = dict + " ".repeat(padded - dict.length() - 1) + "\n";
        ByteBuffer out = ByteBuffer.allocate(PREAMBLE + padded + 8 * t.size()).order(ByteOrder.LITTLE_ENDIAN);
        out.put(MAGIC).put((byte) 1).put((byte) 0).putShort((short) padded);
        out.put(header.getBytes(StandardCharsets.US_ASCII));
        for (double v : t.toArray()) {
            out.putDouble(v);
        }
        return out.array();
    }

    /** What a header says: the shape, the element type and the byte order. */
    record Header(Shape shape, NpyType type, ByteOrder order) {
        /** The bytes of data the header promises. */
        long dataBytes() {
            return (long) type.size() * shape.size();
        }
    }

    /** The header's shape and type, checked; {@code where} names the array in messages. */
    static Header decodeHeader(byte[] preambleAndHeader, String where) throws IOException {
        ByteBuffer in = ByteBuffer.wrap(preambleAndHeader).order(ByteOrder.LITTLE_ENDIAN);
        for (int i = 0; i < MAGIC.length; i++) {
            if (in.get() != MAGIC[i]) {
                throw new MalformedFileException(where + ": not a .npy array (bad magic string at offset " + i + ")");
            }
        }
        int major = in.get();
        in.get();
        if (major != 1) {
            throw new MalformedFileException(where + ": .npy version " + major + " is not supported (expected 1.0)");
        }
        String header = new String(preambleAndHeader, PREAMBLE, preambleAndHeader.length - PREAMBLE,
                StandardCharsets.US_ASCII);
        Matcher m = HEADER.matcher(header);
        if (!m.matches()) {
            throw new MalformedFileException(where + ": malformed .npy header at offset " + PREAMBLE + ": " + quote(header.strip()));
        }
        if (m.group(2).equals("True")) {
            throw new MalformedFileException(where + ": fortran_order True is not supported; save the array in C order"
                    + " (numpy.ascontiguousarray)");
        }
        Shape shape = parseShape(m.group(3), where);
        return type(m.group(1), shape, where);
    }

    private static Header type(String descr, Shape shape, String where) throws MalformedFileException {
        NpyType type = descr.length() == 3 ? NpyType.of(descr.charAt(1), descr.charAt(2) - '0') : null;
        char order = descr.isEmpty() ? '?' : descr.charAt(0);
        boolean orderOk = order == '<' || order == '>' || (order == '|' && type != null && type.size() == 1);
        if (type == null || !orderOk) {
            throw new MalformedFileException(where + ": dtype '" + quote(descr) + "' is not supported; expected float64, float32,"
                    + " float16, int8/16/32/64, uint8/16/32/64 or bool ('<f8', '<f4', '<f2', '|i1', … '|b1'; '>' for big-endian)");
        }
        return new Header(shape, type, order == '>' ? ByteOrder.BIG_ENDIAN : ByteOrder.LITTLE_ENDIAN);
    }

    /** The header length stored in the preamble's last two bytes. */
    static int headerLength(byte[] preamble) {
        return ByteBuffer.wrap(preamble, MAGIC.length + 2, 2).order(ByteOrder.LITTLE_ENDIAN).getShort() & 0xFFFF;
    }

    static int preambleLength() {
        return PREAMBLE;
    }


    /** At most 200 characters of a header, for a message. */
    private static String quote(String header) {
        return header.length() <= 200 ? header : header.substring(0, 200) + "… (" + header.length() + " characters)";
    }

    private static Shape parseShape(String tuple, String where) throws IOException {
        String[] parts = tuple.trim().isEmpty() ? new String[0] : tuple.split(",");
        int count = parts.length > 0 && parts[parts.length - 1].isBlank() ? parts.length - 1 : parts.length;
        if (count > MAX_RANK) {
            throw new MalformedFileException(where + ": shape of " + count + " axes: at most " + MAX_RANK
                    + " are supported, as in NumPy");
        }
        int[] dims = new int[count];
        long size = 1;
        for (int i = 0; i < count; i++) {
            try {
                dims[i] = Integer.parseInt(parts[i].trim());
            } catch (NumberFormatException e) {
                throw new MalformedFileException(where + ": shape (" + tuple + ") has a bad extent '" + parts[i].trim() + "'", e);
            }
            size *= dims[i];
            if (size > Integer.MAX_VALUE / 8) {
                throw new MalformedFileException(where + ": shape (" + tuple + ") is too large to load");
            }
        }
        return Shape.of(dims);
    }
}
