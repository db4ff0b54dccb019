package io.configcicd.core.security.crypto;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.model.Origin;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The parts of one {@code ENC[...]} text (format in {@code package-info.java}).
 *
 * @param keyId the key id, 8 lower-case hex digits
 * @param iv    the 12-byte nonce
 * @param data  ciphertext followed by the 16-byte tag
 */
record Envelope(String keyId, byte[] iv, byte[] data) {

    static final String ALGORITHM = "AES256_GCM";
    static final int IV_BYTES = 12;
    static final int TAG_BYTES = 16;

    private static final String SHAPE = "ENC[" + ALGORITHM + ",kid:<8 hex>,iv:<base64>,data:<base64>]";

    private static final Pattern FORMAT = Pattern.compile(
            "ENC\\[" + ALGORITHM + ",kid:([0-9a-f]{8}),iv:([A-Za-z0-9+/]{16}),data:([A-Za-z0-9+/]+={0,2})]");

    private static final Pattern KEY_ID = Pattern.compile("ENC\\[[A-Za-z0-9_]+,kid:([0-9a-f]{8}),.*", Pattern.DOTALL);

    /** Whether a text is meant as an encrypted value: it starts with {@code ENC[} and ends with {@code ]}. */
    static boolean looksEncrypted(String text) {
        return text.startsWith("ENC[") && text.endsWith("]");
    }

    /** The key id of a text that looks encrypted, read without checking the rest. */
    static String keyIdOf(String text, Origin where) {
        Matcher m = KEY_ID.matcher(text);
        if (!looksEncrypted(text) || !m.matches()) {
            throw malformed(where);
        }
        return m.group(1);
    }

    static Envelope parse(String text, Origin where) {
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            throw malformed(where);
        }
        try {
            Base64.Decoder d = Base64.getDecoder();
            Envelope e = new Envelope(m.group(1), d.decode(m.group(2)), d.decode(m.group(3)));
            if (e.data.length < TAG_BYTES) {
                throw malformed(where);
            }
            return e;
        } catch (IllegalArgumentException e) {
            throw malformed(where);
        }
    }

    /** The header bound to the ciphertext as additional authenticated data. */
    static byte[] aad(String keyId) {
        return (ALGORITHM + ",kid:" + keyId).getBytes(StandardCharsets.US_ASCII);
    }

    String render() {
        Base64.Encoder e = Base64.getEncoder();
        return "ENC[" + ALGORITHM + ",kid:" + keyId + ",iv:" + e.encodeToString(iv) + ",data:"
                + e.encodeToString(data) + "]";
    }

    private static ConfigCicdException malformed(Origin where) {
        return ConfigCicdException.badInput(where, "malformed encrypted value: expected " + SHAPE,
                "encrypt the value again with: config-cicd encrypt --value ...");
    }
}
