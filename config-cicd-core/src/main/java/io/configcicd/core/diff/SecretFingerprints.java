package io.configcicd.core.diff;

import io.configcicd.core.model.ConfigList;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigScalar;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.Map;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.function.UnaryOperator;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The default fingerprint of secret values (HMAC-SHA-256 under a random key made once per process, so a
 * fingerprint can be compared within a run but means nothing outside it) and the canonical text of a value
 * that fingerprints are taken of.
 */
final class SecretFingerprints {

    private static final byte[] PROCESS_KEY = new byte[32];

    static {
        new SecureRandom().nextBytes(PROCESS_KEY);
    }

    private static final Function<String, String> PROCESS_SALTED = SecretFingerprints::hmac;

    private SecretFingerprints() {
    }

    static Function<String, String> processSalted() {
        return PROCESS_SALTED;
    }

    private static String hmac(String text) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(PROCESS_KEY, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HmacSHA256 is not available", e);
        }
    }

    /**
     * A text that is equal for two values exactly when {@link ConfigNode#sameValue} holds (origins ignored,
     * types kept: integer 5 and float 5.0 differ; mapping key order ignored), each string value first replaced by
     * what {@code open} makes of it (the identity, or the plaintext of an encrypted value).
     */
    static String canonical(ConfigNode node, UnaryOperator<String> open) {
        StringBuilder sb = new StringBuilder();
        append(sb, node, open);
        return sb.toString();
    }

    private static void append(StringBuilder sb, ConfigNode node, UnaryOperator<String> open) {
        if (node instanceof ConfigMap m) {
            sb.append('{');
            for (Map.Entry<String, ConfigNode> e : new TreeMap<>(m.entries()).entrySet()) {
                sb.append(e.getKey().length()).append(':').append(e.getKey());
                append(sb, e.getValue(), open);
            }
            sb.append('}');
        } else if (node instanceof ConfigList l) {
            sb.append('[');
            for (ConfigNode item : l.items()) {
                append(sb, item, open);
            }
            sb.append(']');
        } else {
            ConfigScalar s = (ConfigScalar) node;
            String text = s.value() == null ? "" : s.value() instanceof String str ? open.apply(str) : s.value().toString();
            sb.append(s.type().word()).append(':').append(text.length()).append(':').append(text);
        }
    }
}
