package io.configcicd.core.security.crypto;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.model.Origin;
import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import java.util.Objects;
import java.util.Optional;

/**
 * A keyed fingerprint of a secret: HMAC-SHA256 under a fingerprint key, truncated to 16 hex digits, so a diff can
 * say whether a secret changed without printing it, and without a plain hash that could be brute-forced from a
 * short password.
 *
 * <ul>
 *   <li>{@link #keyed}: the fingerprint key is derived from the encryption key,
 *       {@code HMAC-SHA256(key, "config-cicd fingerprint")}, and {@code ENC[...]} values are compared by their
 *       decrypted plaintext.</li>
 *   <li>{@link #salted}: no encryption key is configured; the fingerprint key is derived the same way from a
 *       per-repository salt the caller passes. {@code ENC[...]} values are then compared as written, and because
 *       every encryption draws a new nonce, re-encrypting the same value (or a rekey) looks like a rotation.
 *       Anyone who knows the salt can test guesses against a fingerprint, so print salted fingerprints only
 *       where the salt is not readable.</li>
 * </ul>
 *
 * An {@code ENC[...]} value that the key cannot decrypt (another key id, altered) is compared as written too.
 */
public final class SecretFingerprint {

    /** The label the fingerprint key is derived with. */
    static final String LABEL = "config-cicd fingerprint";

    private static final int HEX_DIGITS = 16;

    private final byte[] fingerprintKey;
    private final Optional<SecretCipher> cipher;

    private SecretFingerprint(byte[] fingerprintKey, Optional<SecretCipher> cipher) {
        this.fingerprintKey = fingerprintKey;
        this.cipher = cipher;
    }

    /** Fingerprints under a key derived from the cipher's primary key; encrypted values are decrypted first. */
    public static SecretFingerprint keyed(SecretCipher cipher) {
        return new SecretFingerprint(cipher.keys().primary().derive(LABEL), Optional.of(cipher));
    }

    /** Fingerprints under a key derived from a per-repository salt; encrypted values are compared as written. */
    public static SecretFingerprint salted(byte[] salt) {
        if (salt.length == 0) {
            throw new IllegalArgumentException("the fingerprint salt is empty");
        }
        return new SecretFingerprint(Hmac.sha256(salt, LABEL.getBytes(StandardCharsets.UTF_8)), Optional.empty());
    }

    /** The fingerprint of a value: 16 lower-case hex digits. */
    public String of(String value) {
        Objects.requireNonNull(value, "value");
        byte[] mac = Hmac.sha256(fingerprintKey, comparable(value).getBytes(StandardCharsets.UTF_8));
        return HexFormat.of().formatHex(mac, 0, HEX_DIGITS / 2);
    }

    /** Whether encrypted values are compared by their plaintext. */
    public boolean decrypts() {
        return cipher.isPresent();
    }

    /**
     * What happened to a secret from an old to a new version; empty means the version does not hold it.
     * Two empty values are {@link SecretChange#UNCHANGED}.
     */
    public static SecretChange compare(Optional<String> oldValue, Optional<String> newValue, SecretFingerprint fp) {
        if (oldValue.isEmpty()) {
            return newValue.isEmpty() ? SecretChange.UNCHANGED : SecretChange.ADDED;
        }
        if (newValue.isEmpty()) {
            return SecretChange.REMOVED;
        }
        if (oldValue.get().equals(newValue.get())) {
            return SecretChange.UNCHANGED;
        }
        return fp.of(oldValue.get()).equals(fp.of(newValue.get())) ? SecretChange.UNCHANGED : SecretChange.ROTATED;
    }

    /** The text that is fingerprinted: the plaintext of an encrypted value when it can be had, else the value. */
    private String comparable(String value) {
        if (cipher.isEmpty() || !SecretCipher.isEncrypted(value)) {
            return value;
        }
        try {
            return cipher.get().decrypt(value, Origin.UNKNOWN);
        } catch (ConfigCicdException e) {
            return value;
        }
    }

    @Override
    public String toString() {
        return "SecretFingerprint[" + (decrypts() ? "keyed" : "salted") + "]";
    }
}
