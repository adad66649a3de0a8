package org.adjoint.examples.data;

import java.io.IOException;
import java.io.InputStream;
import org.adjoint.core.io.MalformedFileException;

/**
 * A small streaming reader for JSON made of fixed punctuation and plain decimal numbers, such as
 * {@code {"data": [0, 0.2, 0.624]}}: enough for the MNIST subset without a JSON library, and fast
 * because it works on a byte buffer and never builds strings. Numbers are unsigned decimals without
 * an exponent, at most 15 digits.
 */
final class JsonNumbers {

    private static final int MAX_DIGITS = 15;
    private static final double[] POWERS_OF_TEN = new double[MAX_DIGITS + 1];

    static {
        POWERS_OF_TEN[0] = 1;
        for (int i = 1; i <= MAX_DIGITS; i++) {
            POWERS_OF_TEN[i] = 10 * POWERS_OF_TEN[i - 1];
        }
    }

    private final InputStream in;
    private final String where;
    private final byte[] buffer = new byte[1 << 16];
    private int position;
    private int limit;
    private long consumed;

    /** Reads {@code in}; {@code where} names the source in messages. */
    JsonNumbers(InputStream in, String where) {
        this.in = in;
        this.where = where;
    }

    /** Skips whitespace, then requires the exact characters of {@code token}. */
    void expect(String token) throws IOException {
        skipWhitespace();
        for (int i = 0; i < token.length(); i++) {
            if (peek() != token.charAt(i)) {
                throw error("'" + token + "'");
            }
            position++;
        }
    }

    /** Skips whitespace and consumes {@code c} if it comes next; whether it did. */
    boolean consume(char c) throws IOException {
        skipWhitespace();
        if (peek() == c) {
            position++;
            return true;
        }
        return false;
    }

    /** Skips whitespace, then reads an unsigned decimal number such as {@code 0.624} or {@code 1}. */
    double number() throws IOException {
        skipWhitespace();
        long mantissa = 0;
        int digits = 0;
        int decimals = -1;
        for (int c = peek(); c >= '0' && c <= '9' || c == '.' && decimals < 0; c = peek()) {
            if (c == '.') {
                decimals = 0;
            } else if (digits == MAX_DIGITS) {
                throw error("a number of at most " + MAX_DIGITS + " digits");
            } else {
                mantissa = 10 * mantissa + (c - '0');
                digits++;
                if (decimals >= 0) {
                    decimals++;
                }
            }
            position++;
        }
        if (digits == 0 || decimals == 0) {
            throw error("a decimal number");
        }
        return mantissa / POWERS_OF_TEN[Math.max(decimals, 0)];
    }

    /** Requires that only whitespace is left. */
    void expectEnd() throws IOException {
        skipWhitespace();
        if (peek() >= 0) {
            throw error("the end of the data");
        }
    }

    /** Bytes consumed so far: the offset of the next byte. */
    long offset() {
        return consumed + position;
    }

    /** An error about the next byte; {@code expected} says what should have come there. */
    MalformedFileException error(String expected) throws IOException {
        int found = peek();
        String what = found < 0 ? "the end of the data" : "'" + (char) found + "'";
        return new MalformedFileException(where + ": at byte offset " + offset()
                + " of the uncompressed data: expected " + expected + " but found " + what);
    }

    private void skipWhitespace() throws IOException {
        for (int c = peek(); c == ' ' || c == '\n' || c == '\r' || c == '\t'; c = peek()) {
            position++;
        }
    }

    private int peek() throws IOException {
        if (position == limit && !fill()) {
            return -1;
        }
        return buffer[position] & 0xFF;
    }

    private boolean fill() throws IOException {
        consumed += limit;
        position = 0;
        limit = Math.max(in.read(buffer), 0);
        return limit > 0;
    }
}
