package io.configcicd.core.security;

import io.configcicd.core.model.ConfigList;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.ScalarType;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Pattern;

/**
 * Knows which values are secrets and hides them (ARCHITECTURE 2). A value is a secret when one of the
 * keys on its path, lower-cased, matches a secret key pattern ({@code Settings.secretKeys()}: password,
 * secret, token, api_key, ...) as whole words (see {@link #isSecretKey}). So {@code openai_api_key},
 * {@code db_password} and {@code secret_token} are secrets, and so is everything under a key such as
 * {@code credentials}; {@code max_tokens} is not. Exclusions ({@code secrets.exclude}, given here as names that
 * start with {@value #EXCLUDE}) take out keys that are exactly that name, compared as words (so {@code !token_ttl}
 * also excludes {@code tokenTtl} and {@code Token-TTL}, but not {@code refresh_token_ttl} or {@code token_ttl_secret}):
 * an exclusion never hides more than the key it names.
 *
 * <p>{@link #mask} replaces every secret value by {@value #MASK}, except a value that is exactly one
 * {@code ${VAR}} reference: it names where the secret lives and holds none. A reference with a default
 * ({@code ${VAR:-default}}) is masked, because its default is written in the file.
 */
public final class SecretMasker {

    /** What a secret value is replaced with. */
    public static final String MASK = "******";

    private static final Pattern PURE_REFERENCE = Pattern.compile("\\$\\{[A-Za-z_][A-Za-z0-9_.-]*}");

    private static final Pattern CAMEL_HUMP = Pattern.compile("([a-z0-9])([A-Z])");

    private static final Pattern DIGIT_BOUNDARY = Pattern.compile("(?<=\\p{L})(?=\\d)|(?<=\\d)(?=\\p{L})");

    /** Keys already classified; a configuration repeats the same few hundred key names many times. */
    private static final int MAX_CACHED_KEYS = 65_536;

    /** What starts a pattern that takes keys out of the secrets ({@code secrets.exclude} in the settings). */
    public static final String EXCLUDE = "!";

    private final List<String> patterns;
    private final List<String> excludes;
    private final Map<String, Boolean> classified = new ConcurrentHashMap<>();

    /**
     * @param secretKeys the key patterns, for example {@code Settings.secretKeys()}; a pattern that starts with
     *                   {@value #EXCLUDE} ({@code !token_ttl}) is an exclusion: the key of exactly that name is no
     *                   secret, even when another pattern matches it
     */
    public SecretMasker(List<String> secretKeys) {
        List<String> p = new ArrayList<>(secretKeys.size());
        List<String> x = new ArrayList<>();
        for (String k : secretKeys) {
            String lower = k.trim().toLowerCase(Locale.ROOT);
            boolean exclude = lower.startsWith(EXCLUDE);
            String word = normalize(exclude ? lower.substring(EXCLUDE.length()).trim() : lower);
            if (!word.isEmpty()) {
                (exclude ? x : p).add(word);
            }
        }
        this.patterns = List.copyOf(p);
        this.excludes = List.copyOf(x);
    }

    /**
     * Whether a key names a secret: the pattern's words appear as whole words of the key, words being
     * separated by {@code _}, {@code -}, {@code .}, a camel-case hump or the edge of a run of digits
     * ({@code password2}, {@code token1}, {@code oauth2Token} are secrets). So {@code clientSecret},
     * {@code db_password}, {@code access_token} and {@code private_key_pem} are secrets, while {@code max_tokens}
     * and {@code tokenizer} are not.
     */
    public boolean isSecretKey(String key) {
        Boolean known = classified.get(key);
        if (known != null) {
            return known;
        }
        boolean secret = classify(key);
        if (classified.size() < MAX_CACHED_KEYS) {
            classified.put(key, secret);
        }
        return secret;
    }

    private boolean classify(String key) {
        String k = normalize(key);
        return containsWords(k, patterns) && !excludes.contains(k);
    }

    /**
     * A key or pattern as words joined by '_': camel-case humps split, a run of digits a word of its own
     * ({@code password2} is {@code password_2}), lower case, '-' and '.' as '_'.
     */
    private static String normalize(String key) {
        String k = key;
        if (hasHump(key)) {
            k = CAMEL_HUMP.matcher(key).replaceAll("$1_$2");
        }
        if (hasDigitBoundary(k)) {
            k = DIGIT_BOUNDARY.matcher(k).replaceAll("_");
        }
        return k.toLowerCase(Locale.ROOT).replace('-', '_').replace('.', '_');
    }

    /** Whether a letter and a digit touch somewhere in the key. */
    private static boolean hasDigitBoundary(String key) {
        for (int i = 1; i < key.length(); i++) {
            if (Character.isLetter(key.charAt(i)) && Character.isDigit(key.charAt(i - 1))
                    || Character.isDigit(key.charAt(i)) && Character.isLetter(key.charAt(i - 1))) {
                return true;
            }
        }
        return false;
    }

    /** Whether one of the patterns appears in the normalized key as whole words. */
    private static boolean containsWords(String k, List<String> words) {
        for (String p : words) {
            int at = k.indexOf(p);
            while (at >= 0) {
                int end = at + p.length();
                if ((at == 0 || k.charAt(at - 1) == '_') && (end == k.length() || k.charAt(end) == '_')) {
                    return true;
                }
                at = k.indexOf(p, at + 1);
            }
        }
        return false;
    }

    /** Whether a lower-case letter or digit is followed by an upper-case letter somewhere in the key. */
    private static boolean hasHump(String key) {
        for (int i = 1; i < key.length(); i++) {
            char c = key.charAt(i);
            char before = key.charAt(i - 1);
            if (c >= 'A' && c <= 'Z' && (before >= 'a' && before <= 'z' || before >= '0' && before <= '9')) {
                return true;
            }
        }
        return false;
    }

    /** Whether a path is secret: some key on it is. */
    public boolean isSecret(ConfigPath path) {
        for (ConfigPath.Segment s : path.segments()) {
            if (s instanceof ConfigPath.Key k && isSecretKey(k.name())) {
                return true;
            }
        }
        return false;
    }

    /** Whether a scalar is shown as written even under a secret key: exactly one {@code ${VAR}} reference. */
    public static boolean isPureReference(ConfigScalar scalar) {
        return scalar.type() == ScalarType.STRING && PURE_REFERENCE.matcher((String) scalar.value()).matches();
    }

    /** A copy of a whole configuration tree with its secrets masked. */
    public ConfigNode mask(ConfigNode tree) {
        return mask(ConfigPath.root(), tree);
    }

    /**
     * A copy of the node found at {@code path} with its secrets masked, the values it overrode included.
     * Origins are kept, so a masked value still says where it was written.
     */
    public ConfigNode mask(ConfigPath path, ConfigNode node) {
        return mask(node, isSecret(path));
    }

    private ConfigNode mask(ConfigNode node, boolean secret) {
        List<ConfigNode> history = maskAll(node.overridden(), secret);
        if (node instanceof ConfigMap map) {
            ConfigMap.Builder b = ConfigMap.builder(map.origin());
            map.entries().forEach((k, v) -> b.put(k, mask(v, secret || isSecretKey(k)), map.keyOrigin(k)));
            return b.build().withOverridden(history);
        }
        if (node instanceof ConfigList list) {
            return new ConfigList(maskAll(list.items(), secret), list.origin(), history);
        }
        ConfigScalar s = (ConfigScalar) node;
        if (!secret || s.isNull() || isPureReference(s)) {
            return history.equals(s.overridden()) ? s : s.withOverridden(history);
        }
        return new ConfigScalar(ScalarType.STRING, MASK, MASK, s.origin(), history);
    }

    private List<ConfigNode> maskAll(List<ConfigNode> nodes, boolean secret) {
        if (nodes.isEmpty()) {
            return nodes;
        }
        List<ConfigNode> out = new ArrayList<>(nodes.size());
        for (ConfigNode n : nodes) {
            out.add(mask(n, secret));
        }
        return out;
    }
}
