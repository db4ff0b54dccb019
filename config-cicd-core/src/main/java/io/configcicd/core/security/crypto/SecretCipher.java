package io.configcicd.core.security.crypto;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.model.Origin;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.UnaryOperator;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts secrets to {@code ENC[...]} text and back, with AES-256-GCM (128-bit tag), a fresh random 12-byte nonce
 * per encryption and the key id bound as additional authenticated data. The format is described in
 * {@code package-info.java}. Encryption uses the ring's primary key; decryption picks the key by the key id written
 * in the value. Error messages never contain a plaintext. Thread safe.
 */
public final class SecretCipher {

    private static final String TRANSFORMATION = "AES/GCM/NoPadding";

    private final KeyRing keys;
    private final SecureRandom random;

    /** @param random the source of nonces */
    public SecretCipher(KeyRing keys, SecureRandom random) {
        this.keys = Objects.requireNonNull(keys, "keys");
        this.random = Objects.requireNonNull(random, "random");
    }

    public SecretCipher(KeyRing keys) {
        this(keys, new SecureRandom());
    }

    /** The id of the key that {@link #encrypt} uses. */
    public String keyId() {
        return keys.primary().keyId();
    }

    KeyRing keys() {
        return keys;
    }

    /** Whether a text is meant as an encrypted value: it starts with {@code ENC[} and ends with {@code ]}. */
    public static boolean isEncrypted(String value) {
        return value != null && Envelope.looksEncrypted(value);
    }

    /**
     * The key id written in an encrypted value.
     *
     * @throws ConfigCicdException (bad input) when the text is not an {@code ENC[...]} value with a key id
     */
    public static String keyIdOf(String enc) {
        return Envelope.keyIdOf(enc, Origin.UNKNOWN);
    }

    /**
     * The plaintext of an {@code ENC[...]} value this cipher opens, any other text as it is: for comparing secrets
     * by what they hold (a re-encrypted secret is unchanged). A value that does not open stays as written.
     */
    public UnaryOperator<String> opener() {
        return text -> {
            if (!isEncrypted(text) || !canDecrypt(text)) {
                return text;
            }
            try {
                return decrypt(text);
            } catch (RuntimeException e) {
                return text;
            }
        };
    }

    /** {@link #opener()} of the key in a process environment ({@code CONFIG_CICD_KEY}); the identity without one. */
    public static UnaryOperator<String> opener(Map<String, String> env) {
        try {
            return KeyLoader.load(env, Optional.empty()).map(SecretCipher::new).map(SecretCipher::opener)
                    .orElse(UnaryOperator.identity());
        } catch (RuntimeException e) {
            return UnaryOperator.identity();
        }
    }

    /** Whether this cipher holds the key that an encrypted value names. */
    public boolean canDecrypt(String enc) {
        return isEncrypted(enc) && keys.find(Envelope.keyIdOf(enc, Origin.UNKNOWN)).isPresent();
    }

    /** The {@code ENC[...]} text of a secret under the primary key. */
    public String encrypt(String plaintext) {
        Objects.requireNonNull(plaintext, "plaintext");
        SecretKeyMaterial key = keys.primary();
        byte[] iv = new byte[Envelope.IV_BYTES];
        random.nextBytes(iv);
        try {
            Cipher c = Cipher.getInstance(TRANSFORMATION);
            c.init(Cipher.ENCRYPT_MODE, key.aesKey(), new GCMParameterSpec(Envelope.TAG_BYTES * 8, iv));
            c.updateAAD(Envelope.aad(key.keyId()));
            byte[] data = c.doFinal(plaintext.getBytes(StandardCharsets.UTF_8));
            return new Envelope(key.keyId(), iv, data).render();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", e);
        }
    }

    /** The plaintext of an {@code ENC[...]} value; see {@link #decrypt(String, Origin)}. */
    public String decrypt(String enc) {
        return decrypt(enc, Origin.UNKNOWN);
    }

    /**
     * The plaintext of an {@code ENC[...]} value.
     *
     * @param where where the value was written, named in errors ({@link Origin#UNKNOWN} when nowhere)
     * @throws ConfigCicdException (bad input) when the value is malformed, names a key id this cipher does not
     *                             hold, or does not authenticate (wrong key or altered value)
     */
    public String decrypt(String enc, Origin where) {
        Envelope e = Envelope.parse(enc, where);
        SecretKeyMaterial key = keys.find(e.keyId()).orElseThrow(() -> ConfigCicdException.badInput(where,
                "the value is encrypted with key id " + e.keyId() + ", but the configured key"
                        + (keys.keyIds().size() > 1 ? "s are " : " is ") + String.join(", ", keys.keyIds()),
                "set " + KeyLoader.ENV + " (or --key-file) to the key with id " + e.keyId()));
        try {
            Cipher c = Cipher.getInstance(TRANSFORMATION);
            c.init(Cipher.DECRYPT_MODE, key.aesKey(), new GCMParameterSpec(Envelope.TAG_BYTES * 8, e.iv()));
            c.updateAAD(Envelope.aad(e.keyId()));
            return new String(c.doFinal(e.data()), StandardCharsets.UTF_8);
        } catch (AEADBadTagException ex) {
            throw ConfigCicdException.badInput(where, "cannot decrypt the value with key id " + e.keyId()
                    + " (wrong key or altered value)", "encrypt the value again with the current key");
        } catch (GeneralSecurityException ex) {
            throw new IllegalStateException("AES-GCM is not available in this Java runtime", ex);
        }
    }

    @Override
    public String toString() {
        return "SecretCipher[" + keys + "]";
    }
}
