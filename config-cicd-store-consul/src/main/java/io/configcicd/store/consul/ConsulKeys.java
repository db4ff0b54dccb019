package io.configcicd.store.consul;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.store.StoreContent;
import io.configcicd.core.store.StoreException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The names and sizes of a consul target's keys (ARCHITECTURE 3a), checked before anything is written.
 *
 * <p>An entry {@code kgot.num_next_steps_decision} is the key {@code <prefix>kgot/num_next_steps_decision}: one path
 * segment per configuration key. A segment keeps its text, except {@code %} and {@code /} written as {@code %25} and
 * {@code %2F} (a {@code /} would split it), so every key maps back to its entry. Consul validates key names on the
 * server since 1.21.5 (CVE-2025-11392): it refuses {@code .} and {@code ..} segments, URL-encoded traversal
 * ({@code ..%2F}), leading or trailing spaces, and collapses empty segments; such a configuration path is refused
 * here, naming it. A value holds at most {@value #MAX_VALUE_BYTES} bytes (Consul's {@code kv_max_value_size}).
 */
final class ConsulKeys {

    /** Consul's default {@code kv_max_value_size}. */
    static final int MAX_VALUE_BYTES = 512 * 1024;

    private final String target;
    private final String prefix;

    ConsulKeys(String target, String prefix) {
        this.target = target;
        this.prefix = prefix;
    }

    /** The Consul key of an entry name (a dotted path). */
    String key(String entry) {
        StringBuilder out = new StringBuilder(prefix);
        boolean first = true;
        for (ConfigPath.Segment s : ConfigPath.parse(entry).segments()) {
            out.append(first ? "" : "/");
            first = false;
            out.append(escape(s instanceof ConfigPath.Key k ? k.name() : s.toString()));
        }
        return out.toString();
    }

    /** The entry name of a key under the prefix; empty for a key that is not one of ours (a folder, another prefix). */
    Optional<String> entry(String key) {
        if (!key.startsWith(prefix) || key.length() == prefix.length() || key.endsWith("/")) {
            return Optional.empty();
        }
        List<ConfigPath.Segment> segments = new ArrayList<>();
        for (String s : key.substring(prefix.length()).split("/", -1)) {
            segments.add(new ConfigPath.Key(unescape(s)));
        }
        return Optional.of(ConfigPath.of(segments).toString());
    }

    /** The key of a document target's one value: {@code <prefix>data}, what Spring Cloud Consul reads. */
    String documentKey() {
        return prefix + "data";
    }

    /**
     * Refuses, before anything is written, an entry whose key Consul would reject (bad input: the configuration
     * must change) or whose value is above {@value #MAX_VALUE_BYTES} bytes (TOO_LARGE); the message names the
     * configuration path, never the value.
     */
    void check(StoreContent content) {
        if (content instanceof StoreContent.Document d) {
            checkSize("the document", d.canonicalBytes().length);
            return;
        }
        for (Map.Entry<String, String> e : ((StoreContent.Keys) content).entries().entrySet()) {
            for (ConfigPath.Segment s : ConfigPath.parse(e.getKey()).segments()) {
                String name = s instanceof ConfigPath.Key k ? k.name() : s.toString();
                segmentProblem(name).ifPresent(p -> {
                    throw ConfigCicdException.badInput("target " + target + ": configuration path " + e.getKey()
                            + " cannot be a Consul key: " + p + "; nothing was written",
                            "rename that key in the configuration, or use layout: document");
                });
            }
            checkSize("the value of " + e.getKey(), e.getValue().getBytes(StandardCharsets.UTF_8).length);
        }
    }

    private void checkSize(String what, long bytes) {
        if (bytes > MAX_VALUE_BYTES) {
            throw new StoreException(StoreException.Reason.TOO_LARGE, target, what + " is " + bytes
                    + " bytes, above Consul's kv_max_value_size of " + MAX_VALUE_BYTES + " bytes; nothing was written",
                    "make it smaller, split it into several keys, or raise kv_max_value_size on the Consul servers");
        }
    }

    /** Why Consul refuses a path segment, if it does. */
    static Optional<String> segmentProblem(String segment) {
        if (segment.isEmpty()) {
            return Optional.of("an empty segment (Consul collapses //)");
        }
        if (segment.equals(".") || segment.equals("..")) {
            return Optional.of("a '" + segment + "' segment (path traversal)");
        }
        if (!segment.strip().equals(segment)) {
            return Optional.of("a segment with leading or trailing space");
        }
        String lower = segment.toLowerCase(Locale.ROOT);
        if (lower.contains("../") || lower.contains("/..") || lower.contains("..\\") || lower.contains("%2e")) {
            return Optional.of("a segment that reads as path traversal");
        }
        for (int i = 0; i < segment.length(); i++) {
            char c = segment.charAt(i);
            if (c < 0x20 || c == 0x7f) {
                return Optional.of("a segment with a control character");
            }
        }
        return Optional.empty();
    }

    static String escape(String segment) {
        return segment.replace("%", "%25").replace("/", "%2F");
    }

    /** The inverse of {@link #escape}, in one pass; any other {@code %} is kept as it is. */
    static String unescape(String segment) {
        StringBuilder out = new StringBuilder(segment.length());
        for (int i = 0; i < segment.length(); i++) {
            String next = segment.substring(i, Math.min(segment.length(), i + 3));
            if (next.equalsIgnoreCase("%2F")) {
                out.append('/');
                i += 2;
            } else if (next.equals("%25")) {
                out.append('%');
                i += 2;
            } else {
                out.append(segment.charAt(i));
            }
        }
        return out.toString();
    }
}
