package io.configcicd.core.security.crypto;

import io.configcicd.core.ConfigCicdException;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Base64;
import java.util.Map;
import java.util.Optional;

/**
 * Reads the encryption key from {@code CONFIG_CICD_KEY} or from a key file. Both hold the 32 key bytes in base64
 * (standard or URL-safe alphabet, padding optional), as {@code openssl rand -base64 32} prints them; surrounding
 * white space, such as a key file's trailing newline, is ignored. The environment is a parameter, so callers pass
 * {@code System.getenv()} and tests pass a map. Messages never contain the key text.
 */
public final class KeyLoader {

    /** The environment variable that holds the key. */
    public static final String ENV = "CONFIG_CICD_KEY";

    /** How to make a key, for messages. */
    public static final String GENERATE_HINT = "generate a key with: openssl rand -base64 32";

    /** A key file is a few dozen bytes; anything much larger is the wrong file. */
    private static final long MAX_KEY_FILE_BYTES = 4096;

    private KeyLoader() {
    }

    /**
     * The key, from the key file when one is given (an explicit {@code --key-file} wins), else from
     * {@code CONFIG_CICD_KEY}; empty when neither is set (an empty variable counts as unset, as CI systems pass
     * missing secrets as empty strings).
     *
     * @throws ConfigCicdException (bad input) when the key given is not 32 bytes of base64 or the file cannot be read
     */
    public static Optional<KeyRing> load(Map<String, String> environment, Optional<Path> keyFile) {
        if (keyFile.isPresent()) {
            return Optional.of(KeyRing.of(fromFile(keyFile.get())));
        }
        return fromEnvironment(environment).map(KeyRing::of);
    }

    /**
     * Like {@link #load}, for commands that cannot run without a key.
     *
     * @throws ConfigCicdException (bad input) when no key is configured, naming both ways to give one
     */
    public static KeyRing require(Map<String, String> environment, Optional<Path> keyFile) {
        return load(environment, keyFile).orElseThrow(() -> ConfigCicdException.badInput(
                "no encryption key: set " + ENV + " or pass --key-file",
                GENERATE_HINT + ", and keep it where your CI keeps secrets"));
    }

    /** The key in {@code CONFIG_CICD_KEY}, empty when the variable is unset or blank. */
    public static Optional<SecretKeyMaterial> fromEnvironment(Map<String, String> environment) {
        return fromVariable(environment, ENV);
    }

    /**
     * The key in the environment variable {@code variable} ({@code CONFIG_CICD_NEW_KEY} for a rekey), empty when it
     * is unset or blank; errors name that variable.
     */
    public static Optional<SecretKeyMaterial> fromVariable(Map<String, String> environment, String variable) {
        String text = environment.get(variable);
        if (text == null || text.isBlank()) {
            return Optional.empty();
        }
        return Optional.of(fromBase64(text, variable));
    }

    /** The key in a file that holds its base64 text, given with {@code --key-file}. */
    public static SecretKeyMaterial fromFile(Path file) {
        return fromFile(file, "--key-file");
    }

    /**
     * The key in a file that holds its base64 text.
     *
     * @param option the option that named the file ({@code --new-key-file}), for messages
     */
    public static SecretKeyMaterial fromFile(Path file, String option) {
        byte[] content;
        try {
            if (Files.size(file) > MAX_KEY_FILE_BYTES) {
                throw ConfigCicdException.badInput("key file " + file + " is larger than " + MAX_KEY_FILE_BYTES
                        + " bytes, so it is not a key file", GENERATE_HINT + " > " + file.getFileName());
            }
            content = Files.readAllBytes(file);
        } catch (NoSuchFileException e) {
            throw ConfigCicdException.badInput("key file " + file + " does not exist",
                    "check " + option + ", or " + GENERATE_HINT + " > " + file.getFileName());
        } catch (IOException e) {
            throw ConfigCicdException.badInput("cannot read key file " + file + ": " + e.getClass().getSimpleName(),
                    "check that the file is readable by this user");
        }
        return fromBase64(new String(content, StandardCharsets.UTF_8), "key file " + file);
    }

    /**
     * A key from its base64 text.
     *
     * @param source where the text came from, for messages ({@code CONFIG_CICD_KEY}, {@code key file x})
     * @throws ConfigCicdException (bad input) when the text is not base64 or does not decode to exactly 32 bytes
     */
    public static SecretKeyMaterial fromBase64(String text, String source) {
        String t = text.strip();
        byte[] bytes;
        try {
            bytes = (t.indexOf('-') >= 0 || t.indexOf('_') >= 0 ? Base64.getUrlDecoder() : Base64.getDecoder())
                    .decode(t);
        } catch (IllegalArgumentException e) {
            throw ConfigCicdException.badInput(source + " is not base64 text", GENERATE_HINT);
        }
        if (bytes.length != SecretKeyMaterial.KEY_BYTES) {
            throw ConfigCicdException.badInput(source + " decodes to " + bytes.length + " bytes, but an AES-256 key has "
                    + SecretKeyMaterial.KEY_BYTES, GENERATE_HINT);
        }
        return SecretKeyMaterial.of(bytes);
    }
}
