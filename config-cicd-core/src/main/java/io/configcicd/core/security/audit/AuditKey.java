package io.configcicd.core.security.audit;

import io.configcicd.core.ConfigCicdException;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.util.Arrays;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The key of a keyed audit chain ({@value #VARIABLE}): with it, each line's hash is an HMAC-SHA-256 over the line
 * (which holds the previous line's hash), so nobody without the key can re-hash a changed chain. The key is never
 * printed: {@link #toString()} shows its id only, and the variable is one of the credentials every output masks.
 *
 * <p>Format: at least 32 random bytes, written as hex (64 or more hex digits) or base64 (standard or URL-safe, with
 * or without padding); for example {@code openssl rand -base64 32}. Text of 64 or more hex digits is read as hex.
 *
 * <p>The id ({@link #id()}) names a key in the log without revealing it: the first 16 hex digits of
 * HMAC-SHA-256(key, {@code "config-cicd audit key id"}).
 */
public final class AuditKey {

    /** The environment variable that holds the key. */
    public static final String VARIABLE = "CONFIG_CICD_AUDIT_KEY";

    /** What the hint of every key error says. */
    public static final String GENERATE_HINT = "generate a key with: openssl rand -base64 32";

    static final int MIN_BYTES = 32;
    private static final String ALGORITHM = "HmacSHA256";
    private static final Pattern HEX = Pattern.compile("(?:[0-9a-fA-F]{2}){32,}");

    private final SecretKeySpec key;
    private final String id;

    private AuditKey(byte[] bytes) {
        this.key = new SecretKeySpec(bytes, ALGORITHM);
        this.id = HexFormat.of().formatHex(hmac("config-cicd audit key id".getBytes(StandardCharsets.US_ASCII)), 0, 8);
    }

    /** A key of raw bytes (at least 32). */
    public static AuditKey of(byte[] bytes) {
        if (bytes.length < MIN_BYTES) {
            throw ConfigCicdException.badInput("the audit key has " + bytes.length + " bytes; it needs at least "
                    + MIN_BYTES, GENERATE_HINT);
        }
        return new AuditKey(bytes.clone());
    }

    /**
     * The key of {@value #VARIABLE} in a process environment; empty when the variable is unset or blank.
     *
     * @throws ConfigCicdException bad input when the variable is set but holds no usable key (the message never
     *                             shows the value)
     */
    public static Optional<AuditKey> fromEnvironment(Map<String, String> env) {
        String text = env.get(VARIABLE);
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(parse(text.strip()));
    }

    private static AuditKey parse(String text) {
        byte[] bytes;
        if (HEX.matcher(text).matches()) {
            bytes = HexFormat.of().parseHex(text);
        } else {
            try {
                bytes = (text.indexOf('-') >= 0 || text.indexOf('_') >= 0 ? Base64.getUrlDecoder() : Base64.getDecoder())
                        .decode(text);
            } catch (IllegalArgumentException e) {
                throw ConfigCicdException.badInput(VARIABLE + " is neither hex nor base64",
                        "set it to at least 32 random bytes in base64 or hex; " + GENERATE_HINT);
            }
        }
        try {
            if (bytes.length < MIN_BYTES) {
                throw ConfigCicdException.badInput(VARIABLE + " holds " + bytes.length + " bytes; an audit key needs at "
                        + "least " + MIN_BYTES, GENERATE_HINT);
            }
            return new AuditKey(bytes);
        } finally {
            Arrays.fill(bytes, (byte) 0);
        }
    }

    /** The key's id as the log writes it: 16 hex digits that do not reveal the key. */
    public String id() {
        return id;
    }

    /** The lowercase hex HMAC-SHA-256 of {@code content} under this key. */
    String macHex(byte[] content) {
        return HexFormat.of().formatHex(hmac(content));
    }

    private byte[] hmac(byte[] content) {
        try {
            Mac mac = Mac.getInstance(ALGORITHM);
            mac.init(key);
            return mac.doFinal(content);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("every Java runtime has " + ALGORITHM, e);
        }
    }

    @Override
    public String toString() {
        return "AuditKey[" + id + "]";
    }
}
