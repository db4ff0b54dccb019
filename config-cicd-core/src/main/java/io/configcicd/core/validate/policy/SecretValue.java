package io.configcicd.core.validate.policy;

import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.ScalarType;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * What a scalar written under a secret key holds: nothing, references to where the secret lives
 * ({@code ${VAR}}, {@code ${vault:secret/db#password}}, several of them side by side), an encrypted value
 * ({@code ENC[...]}), or the secret itself. A reference with a default ({@code ${VAR:-default}}) writes its
 * default in the file, so a default that is not itself a reference is plain text too. Public so that what
 * {@code security.plaintext-secret} reports and what the product keeps out of git objects are one definition.
 */
public enum SecretValue {
    /** null or the empty string. */
    EMPTY,
    /** Only {@code ${...}} references, with no literal text outside them and no literal defaults. */
    REFERENCE,
    /** {@code ENC[...]}. */
    ENCRYPTED,
    /** Literal text, a number, a boolean or a date. */
    PLAINTEXT,
    /** References only, but one of them has a literal default ({@code ${DB_PASSWORD:-hunter2}}). */
    PLAINTEXT_DEFAULT;

    private static final Pattern NAME = Pattern.compile("[A-Za-z_][A-Za-z0-9_.-]*");
    private static final Pattern WITH_DEFAULT = Pattern.compile("([A-Za-z_][A-Za-z0-9_.-]*):-(.*)", Pattern.DOTALL);

    /** Nesting deeper than this ({@code ${A:-${B:-${C:-...}}}}) is not a reference a person writes. */
    private static final int MAX_NESTING = 8;

    /** Whether the value writes a secret in clear ({@link #PLAINTEXT} or {@link #PLAINTEXT_DEFAULT}). */
    public boolean isPlaintext() {
        return this == PLAINTEXT || this == PLAINTEXT_DEFAULT;
    }

    /** What a scalar written under a secret key holds. */
    public static SecretValue of(ConfigScalar scalar) {
        if (scalar.type() == ScalarType.NULL) {
            return EMPTY;
        }
        if (scalar.type() != ScalarType.STRING) {
            return PLAINTEXT;
        }
        return ofText((String) scalar.value(), 0);
    }

    /** The variable of a value that is exactly one {@code ${NAME}} or {@code ${NAME:-default}} reference. */
    static Optional<String> singleVariable(String text) {
        if (!text.startsWith("${") || referenceEnd(text, 0) != text.length()) {
            return Optional.empty();
        }
        String body = text.substring(2, text.length() - 1);
        Matcher m = WITH_DEFAULT.matcher(body);
        if (m.matches()) {
            return Optional.of(m.group(1));
        }
        return NAME.matcher(body).matches() ? Optional.of(body) : Optional.empty();
    }

    private static SecretValue ofText(String text, int depth) {
        if (text.isEmpty()) {
            return EMPTY;
        }
        if (text.startsWith("ENC[") && text.endsWith("]")) {
            return ENCRYPTED;
        }
        if (depth > MAX_NESTING) {
            return PLAINTEXT;
        }
        boolean literalDefault = false;
        int i = 0;
        while (i < text.length()) {
            int end = text.startsWith("${", i) ? referenceEnd(text, i) : -1;
            if (end < 0 || text.substring(i + 2, end - 1).isBlank()) {
                return PLAINTEXT;
            }
            literalDefault |= hasLiteralDefault(text.substring(i + 2, end - 1), depth);
            i = end;
        }
        return literalDefault ? PLAINTEXT_DEFAULT : REFERENCE;
    }

    private static boolean hasLiteralDefault(String body, int depth) {
        Matcher m = WITH_DEFAULT.matcher(body);
        return m.matches() && ofText(m.group(2), depth + 1).isPlaintext();
    }

    /** The index just past the reference that starts at {@code start} (nested references included), or -1. */
    private static int referenceEnd(String text, int start) {
        int depth = 0;
        for (int j = start; j < text.length(); j++) {
            if (text.startsWith("${", j)) {
                depth++;
                j++;
            } else if (text.charAt(j) == '}' && --depth == 0) {
                return j + 1;
            }
        }
        return -1;
    }
}
