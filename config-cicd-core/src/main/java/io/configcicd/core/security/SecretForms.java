package io.configcicd.core.security;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Set;

/** The forms in which a secret can appear in an output. */
final class SecretForms {

    /** Fragments of a secret inside a longer base64 text shorter than this are not masked. */
    private static final int MIN_FRAGMENT = 8;

    private SecretForms() {
    }

    /** Lines of a multi-line secret shorter than this are not masked on their own. */
    private static final int MIN_LINE = 12;

    static void addAll(String secret, Set<String> out) {
        out.add(secret);
        addLines(secret, out);
        byte[] bytes = secret.getBytes(StandardCharsets.UTF_8);
        for (Base64.Encoder e : List.of(Base64.getEncoder(), Base64.getUrlEncoder())) {
            out.add(e.encodeToString(bytes));
            out.add(e.withoutPadding().encodeToString(bytes));
            for (int offset = 0; offset <= 2; offset++) {
                String f = fragment(e.withoutPadding(), bytes, offset);
                if (f.length() >= MIN_FRAGMENT) {
                    out.add(f);
                }
            }
        }
        String url = URLEncoder.encode(secret, StandardCharsets.UTF_8);
        out.add(url);
        out.add(url.replace("+", "%20"));
        out.add(json(secret, false, false));
        out.add(json(secret, true, false));
        out.add(json(secret, true, true));
    }

    /**
     * Each line of a multi-line secret (a PEM block) on its own, without its indentation: text and YAML outputs
     * print such a value as indented lines, where the secret as a whole never appears. Lines shorter than
     * {@value #MIN_LINE} characters are left out: masking every short line of a secret would hide ordinary text.
     */
    private static void addLines(String secret, Set<String> out) {
        if (secret.indexOf('\n') < 0) {
            return;
        }
        for (String line : secret.split("\r?\n")) {
            String text = line.strip();
            if (text.length() >= MIN_LINE) {
                out.add(text);
            }
        }
    }

    /**
     * The characters that encode the secret alone when {@code offset} bytes (mod 3) precede it and more bytes
     * may follow it in a longer base64 text: the characters that mix in the unknown neighbours are dropped.
     */
    static String fragment(Base64.Encoder noPadding, byte[] secret, int offset) {
        byte[] shifted = new byte[offset + secret.length];
        System.arraycopy(secret, 0, shifted, offset, secret.length);
        String enc = noPadding.encodeToString(shifted);
        int skip = (8 * offset + 5) / 6;
        int total = shifted.length;
        int keep = total / 3 * 4 + (total % 3) * 8 / 6;
        return keep <= skip ? "" : enc.substring(skip, keep);
    }

    /** JSON string content; {@code asciiOnly} writes non-ASCII characters as {@code \}{@code uXXXX}. */
    static String json(String s, boolean asciiOnly, boolean lowerHex) {
        StringBuilder b = new StringBuilder(s.length() + 8);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            switch (c) {
                case '"' -> b.append("\\\"");
                case '\\' -> b.append("\\\\");
                case '\n' -> b.append("\\n");
                case '\r' -> b.append("\\r");
                case '\t' -> b.append("\\t");
                case '\b' -> b.append("\\b");
                case '\f' -> b.append("\\f");
                default -> {
                    if (c < 0x20 || (asciiOnly && c > 0x7E)) {
                        String hex = String.format("%04X", (int) c);
                        b.append("\\u").append(lowerHex ? hex.toLowerCase(Locale.ROOT) : hex);
                    } else {
                        b.append(c);
                    }
                }
            }
        }
        return b.toString();
    }
}
