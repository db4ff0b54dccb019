package io.configcicd.core.store;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigNodes;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Origin;
import io.configcicd.core.model.ScalarType;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Parses one entry of {@code targets:} for one environment (ARCHITECTURE 3a). Errors are bad input (exit 2) at the
 * file:line of the offending key or value: an unknown key names the key and the keys that exist, an unknown type
 * the types that are installed. Defaults: the provider's layout ({@code keys} for redis and consul,
 * {@code document} otherwise), {@code secrets: reference}, {@code format: json}, {@code max_bytes} 16 MiB (or
 * the store's own limit when lower), and the provider's option defaults. {@code {environment}} in any option,
 * default or written, becomes the environment's name.
 */
public final class TargetSpecs {

    public static final String TYPE = "type";
    public static final String LAYOUT = "layout";
    public static final String SECRETS = "secrets";
    public static final String FORMAT = "format";
    public static final String MAX_BYTES = "max_bytes";
    public static final List<String> SHARED_KEYS = List.of(TYPE, LAYOUT, SECRETS, FORMAT, MAX_BYTES);
    /** {@code max_bytes} when a target does not set it. */
    public static final long DEFAULT_MAX_BYTES = 16L * 1024 * 1024;

    private static final String ENVIRONMENT = "{environment}";
    private static final Pattern SIZE = Pattern.compile("(\\d+)\\s*(|B|KiB|MiB|GiB|KB|MB|GB)");

    private TargetSpecs() {
    }

    /** A target given as plain values ({@code Map<String,Object>} as a settings reader hands it over). */
    public static TargetSpec parse(String name, Map<String, Object> raw, String environment, StoreProviders providers) {
        return parse(name, ConfigNodes.fromPlain(raw, Origin.UNKNOWN), environment, providers);
    }

    public static TargetSpec parse(String name, ConfigNode node, String environment, StoreProviders providers) {
        if (!(node instanceof ConfigMap map)) {
            throw ConfigCicdException.badInput(node.origin(), "target " + name + " must be a mapping, not "
                    + node.typeNameWithArticle(), "write its settings under it, starting with type: file");
        }
        ConfigScalar type = scalar(name, map, TYPE).orElseThrow(() -> ConfigCicdException.badInput(map.origin(),
                "target " + name + " has no type", "add type: with one of " + providers.types()));
        StoreProvider provider = providers.require(type.asText(), name, type.origin());
        rejectUnknownKeys(name, map, provider);
        Layout layout = word(name, map, LAYOUT, Layout::ofWord, "keys, document").orElse(provider.defaultLayout());
        SecretsMode secrets = word(name, map, SECRETS, SecretsMode::ofWord, "reference, resolve")
                .orElse(SecretsMode.REFERENCE);
        if (secrets == SecretsMode.RESOLVE && !provider.acceptsResolvedSecrets()) {
            throw ConfigCicdException.badInput(map.keyOrigin(SECRETS), "target " + name + ": a " + provider.type()
                    + " target cannot hold resolved secrets", "use secrets: reference");
        }
        DocumentFormat format = word(name, map, FORMAT, DocumentFormat::ofWord, "json, yaml").orElse(DocumentFormat.JSON);
        long maxBytes = maxBytes(name, map, provider);
        return new TargetSpec(name, provider.type(), environment, layout, secrets, format, maxBytes,
                options(name, map, provider, environment));
    }

    private static void rejectUnknownKeys(String name, ConfigMap map, StoreProvider provider) {
        TreeSet<String> known = new TreeSet<>(SHARED_KEYS);
        known.addAll(provider.optionKeys());
        for (String key : map.entries().keySet()) {
            if (!known.contains(key)) {
                throw ConfigCicdException.badInput(map.keyOrigin(key), "target " + name + ": unknown key '" + key
                        + "'", "the keys of a " + provider.type() + " target are " + String.join(", ", known));
            }
        }
    }

    private static SortedMap<String, String> options(String name, ConfigMap map, StoreProvider provider,
                                                     String environment) {
        SortedMap<String, String> options = new TreeMap<>();
        provider.optionDefaults().forEach((k, v) -> options.put(k, substitute(v, environment)));
        for (String key : provider.optionKeys()) {
            scalar(name, map, key).ifPresent(s -> options.put(key, substitute(s.asText(), environment)));
        }
        return options;
    }

    static String substitute(String value, String environment) {
        return value.replace(ENVIRONMENT, environment);
    }

    private static long maxBytes(String name, ConfigMap map, StoreProvider provider) {
        long limit = provider.storeLimitBytes();
        Optional<ConfigScalar> written = scalar(name, map, MAX_BYTES);
        if (written.isEmpty()) {
            return Math.min(DEFAULT_MAX_BYTES, limit);
        }
        ConfigScalar s = written.get();
        Matcher m = SIZE.matcher(s.asText().trim());
        long bytes = m.matches() ? size(m) : -1;
        if (bytes <= 0) {
            throw ConfigCicdException.badInput(s.origin(), "target " + name + ": max_bytes must be a positive size, not '"
                    + s.asText() + "'", "write a number of bytes, or a size such as 512KiB or 16MiB");
        }
        if (bytes > limit) {
            throw ConfigCicdException.badInput(s.origin(), "target " + name + ": max_bytes " + bytes
                    + " is above what a " + provider.type() + " store accepts (" + limit + " bytes)",
                    "lower max_bytes to " + limit + " or less");
        }
        return bytes;
    }

    private static long size(Matcher m) {
        try {
            long n = Long.parseLong(m.group(1));
            long unit = switch (m.group(2).toUpperCase(Locale.ROOT)) {
                case "KIB" -> 1024L;
                case "MIB" -> 1024L * 1024;
                case "GIB" -> 1024L * 1024 * 1024;
                case "KB" -> 1000L;
                case "MB" -> 1000L * 1000;
                case "GB" -> 1000L * 1000 * 1000;
                default -> 1L;
            };
            return Math.multiplyExact(n, unit);
        } catch (ArithmeticException | NumberFormatException e) {
            return -1;
        }
    }

    private interface WordParser<T> {
        Optional<T> parse(String word);
    }

    private static <T> Optional<T> word(String name, ConfigMap map, String key, WordParser<T> parser, String words) {
        return scalar(name, map, key).map(s -> parser.parse(s.asText()).orElseThrow(() -> ConfigCicdException.badInput(
                s.origin(), "target " + name + ": " + key + " must be one of " + words + ", not '" + s.asText() + "'",
                "write " + key + ": followed by one of " + words)));
    }

    /** The scalar under a key; a mapping or a list there is an error, an explicit null is the same as no key. */
    private static Optional<ConfigScalar> scalar(String name, ConfigMap map, String key) {
        ConfigNode node = map.getOrNull(key);
        if (node == null || node.isNull()) {
            return Optional.empty();
        }
        if (!(node instanceof ConfigScalar s) || s.type() == ScalarType.NULL) {
            throw ConfigCicdException.badInput(node.origin(), "target " + name + ": " + key + " must be a single value, not "
                    + node.typeNameWithArticle(), "write " + key + ": on one line");
        }
        return Optional.of(s);
    }
}
