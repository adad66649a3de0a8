package org.adjoint.core.io;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A strict parser of the JSON header of a safetensors file, which is JSON restricted to one shape:
 * an object whose members are tensors {@code {"dtype": "F32", "shape": [2, 3], "data_offsets": [0, 24]}}
 * and at most one {@code "__metadata__"} object of strings. Nothing else is accepted — no other
 * member, no fractions, exponents, signs or leading zeros in numbers, no duplicate names, no
 * control characters in strings — so a forged header fails here with its offset, and this parser
 * needs no JSON library. Trailing spaces after the object are allowed (the format pads with them).
 */
final class SafetensorsHeader {

    /** One tensor's entry. */
    record Entry(String name, String dtype, int[] shape, long begin, long end) {
    }

    private final String text;
    private final String where;
    private int at;

    private SafetensorsHeader(String text, String where) {
        this.text = text;
        this.where = where;
    }

    /** The tensor entries in the header's order; {@code where} names the file in messages. */
    static List<Entry> parse(String text, String where) throws MalformedFileException {
        SafetensorsHeader p = new SafetensorsHeader(text, where);
        List<Entry> entries = p.tensors();
        while (p.at < text.length() && text.charAt(p.at) == ' ') {
            p.at++;
        }
        if (p.at != text.length()) {
            throw p.error("unexpected text after the header object");
        }
        return entries;
    }

    private List<Entry> tensors() throws MalformedFileException {
        Map<String, Entry> entries = new LinkedHashMap<>();
        boolean metadata = false;
        expect('{');
        if (!consume('}')) {
            do {
                String name = string();
                expect(':');
                if (name.equals("__metadata__")) {
                    if (metadata) {
                        throw error("a second __metadata__");
                    }
                    metadata = true;
                    metadata();
                } else if (entries.put(name, entry(name)) != null) {
                    throw error("a second tensor named \"" + name + "\"");
                }
            } while (consume(','));
            expect('}');
        }
        return new ArrayList<>(entries.values());
    }

    private void metadata() throws MalformedFileException {
        expect('{');
        if (!consume('}')) {
            do {
                string();
                expect(':');
                string();
            } while (consume(','));
            expect('}');
        }
    }

    private Entry entry(String name) throws MalformedFileException {
        String dtype = null;
        long[] shape = null;
        long[] offsets = null;
        expect('{');
        do {
            int keyAt = at;
            String key = string();
            expect(':');
            switch (key) {
                case "dtype" -> dtype = dtype == null ? string() : duplicate(key, keyAt);
                case "shape" -> shape = shape == null ? integers() : duplicate(key, keyAt);
                case "data_offsets" -> offsets = offsets == null ? integers() : duplicate(key, keyAt);
                default -> throw error("unknown field \"" + key + "\" in tensor \"" + name + "\"");
            }
        } while (consume(','));
        expect('}');
        if (dtype == null || shape == null || offsets == null) {
            throw error("tensor \"" + name + "\" lacks " + (dtype == null ? "dtype" : shape == null ? "shape" : "data_offsets"));
        }
        if (offsets.length != 2 || offsets[0] > offsets[1]) {
            throw error("tensor \"" + name + "\": data_offsets must be [begin, end] with begin ≤ end");
        }
        int[] dims = new int[shape.length];
        for (int i = 0; i < dims.length; i++) {
            if (shape[i] > Integer.MAX_VALUE) {
                throw error("tensor \"" + name + "\": extent " + shape[i] + " is too large");
            }
            dims[i] = (int) shape[i];
        }
        return new Entry(name, dtype, dims, offsets[0], offsets[1]);
    }

    private <T> T duplicate(String key, int keyAt) throws MalformedFileException {
        at = keyAt;
        throw error("a second \"" + key + "\"");
    }

    private long[] integers() throws MalformedFileException {
        List<Long> values = new ArrayList<>();
        expect('[');
        if (!consume(']')) {
            do {
                if (values.size() == Npy.MAX_RANK) {
                    throw error("more than " + Npy.MAX_RANK + " numbers in a list");
                }
                values.add(integer());
            } while (consume(','));
            expect(']');
        }
        return values.stream().mapToLong(Long::longValue).toArray();
    }

    private long integer() throws MalformedFileException {
        skipSpace();
        int start = at;
        while (at < text.length() && text.charAt(at) >= '0' && text.charAt(at) <= '9') {
            at++;
        }
        int digits = at - start;
        if (digits == 0 || (digits > 1 && text.charAt(start) == '0') || digits > 15) {
            at = start;
            throw error("expected a non-negative integer below 10^15 without leading zeros");
        }
        return Long.parseLong(text, start, at, 10);
    }

    private String string() throws MalformedFileException {
        expect('"');
        StringBuilder s = new StringBuilder();
        while (true) {
            if (at >= text.length()) {
                throw error("unterminated string");
            }
            char c = text.charAt(at++);
            if (c == '"') {
                return s.toString();
            } else if (c < 0x20) {
                at--;
                throw error("control character in a string");
            } else if (c == '\\') {
                s.append(escape());
            } else {
                s.append(c);
            }
        }
    }

    private char escape() throws MalformedFileException {
        if (at >= text.length()) {
            throw error("unterminated string");
        }
        char c = text.charAt(at++);
        return switch (c) {
            case '"', '\\', '/' -> c;
            case 'b' -> '\b';
            case 'f' -> '\f';
            case 'n' -> '\n';
            case 'r' -> '\r';
            case 't' -> '\t';
            case 'u' -> unicode();
            default -> {
                at--;
                throw error("bad escape \\" + c);
            }
        };
    }

    private char unicode() throws MalformedFileException {
        if (at + 4 > text.length()) {
            throw error("truncated \\u escape");
        }
        int value = 0;
        for (int i = 0; i < 4; i++) {
            int digit = Character.digit(text.charAt(at), 16);
            if (digit < 0) {
                throw error("bad hex digit in a \\u escape");
            }
            value = value * 16 + digit;
            at++;
        }
        return (char) value;
    }

    private void expect(char c) throws MalformedFileException {
        if (!consume(c)) {
            throw error("expected '" + c + "'");
        }
    }

    private boolean consume(char c) {
        skipSpace();
        if (at < text.length() && text.charAt(at) == c) {
            at++;
            return true;
        }
        return false;
    }

    private void skipSpace() {
        while (at < text.length() && " \t\n\r".indexOf(text.charAt(at)) >= 0) {
            at++;
        }
    }

    private MalformedFileException error(String what) {
        String found = at >= text.length() ? "the end of the header" : "'" + text.charAt(at) + "'";
        return new MalformedFileException(where + ": malformed safetensors header at character " + at + ": " + what
                + " (found " + found + ")");
    }
}
