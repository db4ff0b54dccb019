package io.configcicd.core.deploy;

import io.configcicd.core.ConfigCicdException;
import java.time.Clock;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;
import java.util.regex.Pattern;

/**
 * Deployment ids: the one given, else the CI run's ({@code GITHUB_RUN_ID}, {@code CI_PIPELINE_ID}, {@code BUILD_TAG}),
 * else a time-based one ({@code 20260105-143012-123}). An id names a journal file, so it is letters, digits,
 * {@code .}, {@code _} and {@code -}; an id the journal already holds (a re-run of the same pipeline that writes
 * again) gets {@code -2}, {@code -3}, ... after it.
 */
public final class DeploymentIds {

    /** The CI variables that name a run, in the order they are tried. */
    public static final List<String> VARIABLES = List.of("GITHUB_RUN_ID", "CI_PIPELINE_ID", "BUILD_TAG");

    private static final Pattern SAFE = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]{0,127}");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyyMMdd-HHmmss-SSS")
            .withZone(ZoneOffset.UTC);

    private DeploymentIds() {
    }

    /** The id asked for (checked), or the CI's, or a time-based one. */
    public static String choose(Optional<String> given, Map<String, String> env, Clock clock) {
        if (given.isPresent()) {
            return check(given.get());
        }
        for (String v : VARIABLES) {
            String value = env.get(v);
            if (value != null && !value.isBlank()) {
                String cleaned = value.trim().replaceAll("[^A-Za-z0-9._-]", "-").replaceAll("^[._-]+", "");
                if (SAFE.matcher(cleaned).matches()) {
                    return cleaned;
                }
            }
        }
        return TIME.format(clock.instant());
    }

    /** The id, or the id with the first free {@code -N} after it. */
    static String free(String id, Predicate<String> taken) {
        if (!taken.test(id)) {
            return id;
        }
        int n = 2;
        while (taken.test(id + "-" + n)) {
            n++;
        }
        return id + "-" + n;
    }

    /** @throws ConfigCicdException bad input when the id cannot name a journal file */
    public static String check(String id) {
        if (!SAFE.matcher(id).matches()) {
            throw ConfigCicdException.badInput("the deployment id '" + id + "' is not usable",
                    "use letters, digits, '.', '_' and '-' (at most 128, starting with a letter or digit)");
        }
        return id;
    }
}
