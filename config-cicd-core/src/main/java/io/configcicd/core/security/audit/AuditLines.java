package io.configcicd.core.security.audit;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Optional;
import java.util.regex.Matcher;
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

    /** The {@code mac} member of a keyed line: the algorithm and the key's id. */
    static final String MAC_PREFIX = "hmac-sha256:";

    private static final Pattern HEX64 = Pattern.compile("[0-9a-f]{64}");
    private static final Pattern MAC = Pattern.compile(Pattern.quote(MAC_PREFIX) + "([0-9a-f]{16})");
    private static final byte[] HASH_PREFIX = ",\"hash\":\"".getBytes(StandardCharsets.US_ASCII);
    private static final JsonMapper JSON = JsonMapper.builder()
            .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();

    /**
     * A line that parsed: its chain fields, how it is sealed, and what it records.
     *
     * @param keyId       the id of the key whose HMAC the hash is; empty for a plain SHA-256 line
     * @param checked     whether the hash was recomputed (false for a keyed line whose key was not at hand)
     * @param hashMatches whether the hash is right; true when it could not be {@link #checked}
     */
    record Entry(long seq, String prev, String hash, boolean hashMatches, Optional<String> keyId, boolean checked,
                 Fields fields) {

        boolean keyed() {
            return keyId.isPresent();
        }
    }

    /** What a line records, for the report of unfinished actions; empty strings where a field is missing. */
    record Fields(String time, String principal, String command, String scope, String name, String path,
                  String result, String started) {
    }

    private AuditLines() {
    }

    /** The line (without its newline) for an event that already went through masking; keyed when a key is given. */
    static byte[] format(AuditEvent e, long seq, String prev, Optional<AuditKey> key) {
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
        key.ifPresent(k -> n.put("mac", MAC_PREFIX + k.id()));
        n.put("prev", prev);
        byte[] content = JSON.writeValueAsBytes(n);
        String hash = key.map(k -> k.macHex(content)).orElseGet(() -> sha256(content));
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

    /** The line's content: its bytes with the hash member removed; empty when it has none. */
    static Optional<byte[]> content(byte[] line) {
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
        return Optional.of(content);
    }

    /** The SHA-256 hash a plain line should carry; empty when it has no hash member. */
    static Optional<String> computeHash(byte[] line) {
        return content(line).map(AuditLines::sha256);
    }

    /**
     * Parses a line; empty when it is not a well-formed audit line (not JSON, fields missing or mistyped). The hash of
     * a plain line is always checked; that of a keyed line when {@code key} is the key it names.
     */
    static Optional<Entry> parse(byte[] line, Optional<AuditKey> key) {
        Optional<byte[]> content = content(line);
        if (content.isEmpty()) {
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
        Optional<String> keyId = Optional.empty();
        if (node.has("mac")) {
            Matcher m = MAC.matcher(node.get("mac").isString() ? node.get("mac").stringValue() : "");
            if (!m.matches()) {
                return Optional.empty();
            }
            keyId = Optional.of(m.group(1));
        }
        String hash = node.get("hash").stringValue();
        boolean checked = keyId.isEmpty() || key.map(AuditKey::id).equals(keyId);
        boolean matches = !checked || hash.equals(keyId.isEmpty() ? sha256(content.get()) : key.get().macHex(content.get()));
        return Optional.of(new Entry(node.get("seq").longValue(), node.get("prev").stringValue(), hash, matches, keyId,
                checked, fields(node)));
    }

    private static Fields fields(JsonNode n) {
        JsonNode started = n.path("details").path("started");
        return new Fields(text(n, "time"), text(n, "principal"), text(n, "command"), text(n, "scope"), text(n, "name"),
                text(n, "path"), text(n, "result"), started.isString() ? started.stringValue() : "");
    }

    private static String text(JsonNode n, String field) {
        JsonNode v = n.path(field);
        return v.isString() ? v.stringValue() : "";
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
