package io.configcicd.core.security.crypto;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.spec.SecretKeySpec;

/**
 * One AES-256 key: 32 bytes and its key id, the first 8 hex digits of SHA-256 of the key bytes. The key bytes never
 * leave this object except as {@link #toBase64()} (for a {@code keygen} command) and through the package's own
 * cipher and fingerprint; {@link #toString()} shows the key id only.
 */
public final class SecretKeyMaterial {

    /** The length of an AES-256 key in bytes. */
    public static final int KEY_BYTES = 32;

    private final byte[] key;
    private final String keyId;

    private SecretKeyMaterial(byte[] key) {
        if (key.length != KEY_BYTES) {
            throw new IllegalArgumentException("an AES-256 key has " + KEY_BYTES + " bytes, not " + key.length);
        }
        this.key = key.clone();
        this.keyId = HexFormat.of().formatHex(sha256(this.key), 0, 4);
    }

    /**
     * A key from its 32 bytes (copied).
     *
     * @throws IllegalArgumentException when there are not exactly 32 bytes; {@link KeyLoader} turns user input into
     *                                  a bad-input error instead
     */
    public static SecretKeyMaterial of(byte[] key) {
        return new SecretKeyMaterial(key);
    }

    /** A new random key. */
    public static SecretKeyMaterial generate(SecureRandom random) {
        byte[] k = new byte[KEY_BYTES];
        random.nextBytes(k);
        return new SecretKeyMaterial(k);
    }

    /** A new random key from a fresh {@link SecureRandom}. */
    public static SecretKeyMaterial generate() {
        return generate(new SecureRandom());
    }

    /** The key id: 8 lower-case hex digits. */
    public String keyId() {
        return keyId;
    }

    /** The key as standard base64 (44 characters), the form {@code CONFIG_CICD_KEY} and key files hold. */
    public String toBase64() {
        return Base64.getEncoder().encodeToString(key);
    }

    SecretKeySpec aesKey() {
        return new SecretKeySpec(key, "AES");
    }

    /** HMAC-SHA256 of a label under this key: a sub-key for another purpose than encryption. */
    byte[] derive(String label) {
        return Hmac.sha256(key, label.getBytes(StandardCharsets.UTF_8));
    }

    static byte[] sha256(byte[] bytes) {
        try {
            return MessageDigest.getInstance("SHA-256").digest(bytes);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }

    /** Same key bytes (compared in constant time). */
    @Override
    public boolean equals(Object o) {
        return o instanceof SecretKeyMaterial k && MessageDigest.isEqual(key, k.key);
    }

    @Override
    public int hashCode() {
        return keyId.hashCode();
    }

    @Override
    public String toString() {
        return "SecretKeyMaterial[kid:" + keyId + "]";
    }
}
