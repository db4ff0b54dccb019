package io.configcicd.core.security.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Pattern;
import tools.jackson.core.JacksonException;
import tools.jackson.core.StreamReadFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * The line format of the audit log and its hash (see {@link AuditLog} for the definition). Lines are
 * handled as bytes: the hash is computed over the bytes in the file, so it does not depend on how a JSON
 * library would write the same object again.
 */
final class AuditLines {

    /** The {@code prev} of the first line. */
    static final String ZERO_HASH = "0".repeat(64);

    /** Length of {@code ,"hash":"<64 hex>"}} at the end of every line. */
    static final int HASH_SUFFIX_LENGTH = ",\"hash\":\"".length() + 64 + 2;

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final byte[] HASH_PREFIX = ",\"hash\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /** A line that parsed: its fields as written and whether its hash matches its content. */
    record Entry(long seq, String prev, String hash, boolean hashMatches) {
    }

    private AuditLines() {
    }

    /** The line (without its newline) for an event that already went through masking. */
    static byte[] format(AuditEvent e, long seq, String prev) {
        ObjectNode n = JSON.createObjectNode();
        n.put("seq", seq);
        n.put("time", e.time().toString());
        n.put("principal", e.principal());
        n.put("command", e.command());
        n.put("scope", e.scope());
        n.put("name", e.name());
        n.put("path", e.path());
        putOptional(n, "old", e.oldValue());
        putOptional(n, "new", e.newValue());
        n.put("result", e.result());
        ObjectNode details = n.putObject("details");
        e.details().forEach(details::put);
        n.put("prev", prev);
        byte[] content = JSON.writeValueAsBytes(n);
        String hash = sha256(content);
        byte[] suffix = (",\"hash\":\"" + hash + "\"}").getBytes(StandardCharsets.US_ASCII);
        byte[] line = Arrays.copyOf(content, content.length - 1 + suffix.length);
        System.arraycopy(suffix, 0, line, content.length - 1, suffix.length);
        return line;
    }

    private static void putOptional(ObjectNode n, String field, Optional<String> value) {
        if (value.isPresent()) {
            n.put(field, value.get());
        } else {
            n.putNull(field);
        }
    }

    /** The hash a line should carry: SHA-256 of the line with its hash member removed; empty when it has none. */
    static Optional<String> computeHash(byte[] line) {
        int n = line.length;
        if (n < HASH_SUFFIX_LENGTH + 1 || line[n - 1] != '}' || line[n - 2] != '"') {
            return Optional.empty();
        }
        int start = n - HASH_SUFFIX_LENGTH;
        if (!Arrays.equals(line, start, start + HASH_PREFIX.length, HASH_PREFIX, 0, HASH_PREFIX.length)) {
            return Optional.empty();
        }
        byte[] content = Arrays.copyOf(line, start + 1);
        content[start] = '}';
        return Optional.of(sha256(content));
    }

    /** Parses a line; empty when it is not a well-formed audit line (not JSON, fields missing or mistyped). */
    static Optional<Entry> parse(byte[] line) {
        Optional<String> computed = computeHash(line);
        if (computed.isEmpty()) {
            return Optional.empty();
        }
        JsonNode node;
        try {
            node = JSON.readTree(line);
        } catch (JacksonException e) {
            return Optional.empty();
        }
        if (node == null || !node.isObject() || !node.path("seq").canConvertToLong()
                || !node.path("seq").isIntegralNumber()
                || !isHash(node.path("prev")) || !isHash(node.path("hash"))) {
            return Optional.empty();
        }
        String hash = node.get("hash").stringValue();
        return Optional.of(new Entry(node.get("seq").longValue(), node.get("prev").stringValue(), hash,
                hash.equals(computed.get())));
    }

    private static boolean isHash(JsonNode n) {
        return n.isString() && HEX64.matcher(n.stringValue()).matches();
    }

    static boolean isHash(String s) {
        return HEX64.matcher(s).matches();
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-256", e);
        }
    }
}
