package io.configcicd.core.security.audit;

import io.configcicd.core.repo.Settings;
import io.configcicd.core.security.SecretMasker;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.util.HexFormat;
import java.util.List;
import java.util.Optional;

/** Events, logs, and an independent implementation of the documented hash, for the audit tests. */
final class AuditFixtures {

    static final Instant T0 = Instant.parse("2026-01-02T03:04:05Z");

    private AuditFixtures() {
    }

    static AuditLog log(Path file) {
        return new AuditLog(file, true, new SecretMasker(Settings.DEFAULT_SECRET_KEYS));
    }

    static AuditEvent event(int i) {
        return AuditEvent.of(T0.plusSeconds(i), "alice", "set", AuditEvent.OK)
                .withTarget("environment", "production", "services.api.replicas")
                .withValues(Optional.of("value-" + i), Optional.of("value-" + (i + 1)))
                .withDetail("revision", "r" + i);
    }

    /** The hash of a line as the javadoc of {@link AuditLog} defines it, computed without the product's code. */
    static String documentedHash(String line) {
        String suffix = line.substring(line.length() - 75);
        if (!suffix.matches(",\"hash\":\"[0-9a-f]{64}\"}")) {
            throw new IllegalArgumentException("no hash suffix: " + line);
        }
        return sha256(line.substring(0, line.length() - 75) + "}");
    }

    /** The line with its hash replaced by the one its content calls for: what a forger would do. */
    static String rehash(String line) {
        String content = line.substring(0, line.length() - 75) + "}";
        return content.substring(0, content.length() - 1) + ",\"hash\":\"" + sha256(content) + "\"}";
    }

    /** The MAC of a keyed line as the javadoc of {@link AuditLog} defines it, computed without the product's code. */
    static String documentedHmac(String line, byte[] key) {
        String content = line.substring(0, line.length() - 75) + "}";
        try {
            javax.crypto.Mac mac = javax.crypto.Mac.getInstance("HmacSHA256");
            mac.init(new javax.crypto.spec.SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal(content.getBytes(StandardCharsets.UTF_8)));
        } catch (java.security.GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    /** 32 bytes of a fixed test key, and the same as hex and base64 as CONFIG_CICD_AUDIT_KEY takes it. */
    static final byte[] KEY = HexFormat.of().parseHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");

    static AuditKey key() {
        return AuditKey.of(KEY);
    }

    static String hashOf(String line) {
        return line.substring(line.length() - 66, line.length() - 2);
    }

    static String withSeqAndPrev(String line, long seq, String prev) {
        return rehash(line.replaceFirst("\"seq\":\\d+", "\"seq\":" + seq)
                .replaceFirst("\"prev\":\"[0-9a-f]{64}\"", "\"prev\":\"" + prev + "\""));
    }

    static String join(List<String> lines) {
        StringBuilder sb = new StringBuilder();
        lines.forEach(l -> sb.append(l).append('\n'));
        return sb.toString();
    }

    private static String sha256(String s) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(s.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
