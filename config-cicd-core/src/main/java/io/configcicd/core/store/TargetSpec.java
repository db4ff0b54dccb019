package io.configcicd.core.store;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.model.Durations;
import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Collections;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.function.UnaryOperator;

/**
 * One entry of {@code targets:} in {@code config-cicd.yaml}, parsed for one environment by {@link TargetSpecs}:
 * the settings every store shares ({@code type}, {@code layout}, {@code secrets}, {@code format},
 * {@code max_bytes}) and the type's own options ({@code url}, {@code prefix}, {@code path}, ...) as text, with
 * the type's defaults filled in and {@code {environment}} replaced by the environment's name. {@code ${VAR}}
 * references in options are kept as written; the caller resolves them when it opens the store
 * ({@link #withOptions}).
 *
 * @param name     the key under {@code targets:}
 * @param maxBytes the largest content the target accepts (the smaller of {@code max_bytes} and the store's limit)
 */
public record TargetSpec(String name, String type, String environment, Layout layout, SecretsMode secrets,
                         DocumentFormat format, long maxBytes, SortedMap<String, String> options) {

    public TargetSpec {
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(environment, "environment");
        Objects.requireNonNull(layout, "layout");
        Objects.requireNonNull(secrets, "secrets");
        Objects.requireNonNull(format, "format");
        if (maxBytes <= 0) {
            throw new IllegalArgumentException("maxBytes must be positive");
        }
        options = Collections.unmodifiableSortedMap(new TreeMap<>(Objects.requireNonNull(options, "options")));
    }

    /** A type option's value, when it is set or has a default. */
    public Optional<String> option(String key) {
        return Optional.ofNullable(options.get(key));
    }

    /**
     * A duration option: {@code 500ms}, {@code 5s}, {@code 30m} or {@code 1h} (a bare number is milliseconds),
     * positive; {@code fallback} when it is not set.
     *
     * @throws ConfigCicdException bad input naming this target and the option
     */
    public Duration duration(String key, Duration fallback) {
        Optional<String> written = option(key);
        if (written.isEmpty()) {
            return fallback;
        }
        return Durations.parse(written.get(), Optional.of(ChronoUnit.MILLIS)).filter(d -> !d.isZero())
                .orElseThrow(() -> badOption(key + " must be a positive duration such as 500ms, 5s, 30m or 1h, not '"
                        + written.get() + "'", "write " + key + ": 5s, or leave it out for " + fallback.toMillis()
                        + "ms"));
    }

    /**
     * A {@code true}/{@code false} option, false when it is not set.
     *
     * @param hint what to do when it is neither (the option's own advice)
     * @throws ConfigCicdException bad input naming this target and the option
     */
    public boolean flag(String key, String hint) {
        String v = option(key).orElse("false").trim().toLowerCase(Locale.ROOT);
        if (!v.equals("true") && !v.equals("false")) {
            throw badOption(key + " must be true or false, not '" + v + "'", hint);
        }
        return v.equals("true");
    }

    /**
     * A whole-number option of at least {@code min}; {@code fallback} when it is not set.
     *
     * @throws ConfigCicdException bad input naming this target and the option
     */
    public int number(String key, int fallback, int min) {
        Optional<String> written = option(key);
        if (written.isEmpty()) {
            return fallback;
        }
        try {
            int n = Integer.parseInt(written.get().trim());
            if (n >= min) {
                return n;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw badOption(key + " must be a number of at least " + min + ", not '" + written.get() + "'",
                "leave it out for " + fallback);
    }

    /** Bad input about one of this target's options: {@code target <name>: <problem>}. */
    public ConfigCicdException badOption(String problem, String hint) {
        return ConfigCicdException.badInput("target " + name + ": " + problem, hint);
    }

    /** The same spec with every option value passed through {@code resolve} (for {@code ${VAR}} references). */
    public TargetSpec withOptions(UnaryOperator<String> resolve) {
        SortedMap<String, String> resolved = new TreeMap<>();
        for (Map.Entry<String, String> e : options.entrySet()) {
            resolved.put(e.getKey(), resolve.apply(e.getValue()));
        }
        return new TargetSpec(name, type, environment, layout, secrets, format, maxBytes, resolved);
    }

    /** Never the option values: a URL or a token may be among them. */
    @Override
    public String toString() {
        return "TargetSpec[" + name + ", " + type + ", " + environment + ", " + layout.word() + ", "
                + secrets.word() + ", options " + options.keySet() + "]";
    }
}
