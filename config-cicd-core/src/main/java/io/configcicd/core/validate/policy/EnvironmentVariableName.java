package io.configcicd.core.validate.policy;

import io.configcicd.core.model.ConfigPath;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The environment variable a plaintext secret should move to, named after its path: the last key upper-cased
 * ({@code database.db_password} gives {@code DB_PASSWORD}); when that key is generic (a secret key pattern on
 * its own: {@code password}, {@code api_key}, {@code apiKey}) the parent key comes first
 * ({@code models.model_providers.openai.api_key} gives {@code OPENAI_API_KEY}); list indexes after the key
 * are kept ({@code credentials[1]} gives {@code ..._CREDENTIALS_1}). Camel-case humps become {@code _}, and
 * so does every character outside {@code [A-Z0-9_]}. {@link SecretVariables} adds parent keys where two secrets
 * would otherwise share a name.
 */
final class EnvironmentVariableName {

    private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z0-9])([A-Z])");
    private static final Pattern NOT_NAME = Pattern.compile("[^A-Z0-9_]");

    private final List<String> genericKeys;

    /** @param secretKeys the secret key patterns; a key equal to one of them is generic */
    EnvironmentVariableName(List<String> secretKeys) {
        this.genericKeys = secretKeys.stream().map(k -> words(k.trim()).toLowerCase(Locale.ROOT)).toList();
    }

    String of(ConfigPath path) {
        return of(path, 0).orElseThrow();
    }

    /**
     * The name with {@code extra} more parent keys in front ({@code services.orders.db_password} with 1 gives
     * {@code ORDERS_DB_PASSWORD}), to tell apart secrets whose short names are the same; empty when the path has
     * fewer keys than that.
     */
    Optional<String> of(ConfigPath path, int extra) {
        List<ConfigPath.Segment> segments = path.segments();
        int last = lastKey(segments, segments.size() - 1);
        if (last < 0) {
            return extra == 0 ? Optional.of("SECRET") : Optional.empty();
        }
        int from = last;
        if (isGeneric(((ConfigPath.Key) segments.get(last)).name())) {
            int parent = lastKey(segments, last - 1);
            from = parent < 0 ? last : parent;
        }
        for (int i = 0; i < extra; i++) {
            from = lastKey(segments, from - 1);
            if (from < 0) {
                return Optional.empty();
            }
        }
        List<String> parts = new ArrayList<>();
        for (ConfigPath.Segment s : segments.subList(from, segments.size())) {
            parts.add(s instanceof ConfigPath.Key k ? words(k.name())
                    : Integer.toString(((ConfigPath.Index) s).index()));
        }
        String name = NOT_NAME.matcher(String.join("_", parts).toUpperCase(Locale.ROOT)).replaceAll("_");
        return Optional.of(name.isEmpty() || Character.isDigit(name.charAt(0)) ? "_" + name : name);
    }

    private boolean isGeneric(String key) {
        return genericKeys.contains(words(key).toLowerCase(Locale.ROOT).replace('-', '_').replace('.', '_'));
    }

    private static int lastKey(List<ConfigPath.Segment> segments, int from) {
        for (int i = from; i >= 0; i--) {
            if (segments.get(i) instanceof ConfigPath.Key) {
                return i;
            }
        }
        return -1;
    }

    private static String words(String key) {
        return CAMEL_HUMP.matcher(key).replaceAll("$1_$2");
    }
}
