package io.configcicd.cli;

import io.configcicd.store.redis.RedisServerExtension;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Predicate;

/**
 * A copy of the examples whose {@code development} environment deploys to the file target {@code local} and to a
 * redis target {@code cache} on a test server, in the order given, for the end-to-end tests ({@code *RedisIT}).
 */
final class RedisExamples {

    static final String ENVIRONMENT = "development";

    private final Path root;
    private final Path config;
    private final String key;

    private RedisExamples(Path root, Path config, String key) {
        this.root = root;
        this.config = config;
        this.key = key;
    }

    /**
     * @param targets the development environment's targets in deploy order, e.g. {@code "local", "cache"}
     * @param cacheOptions more lines of the cache target ({@code "secrets: resolve"}); none for the defaults
     */
    static RedisExamples copy(Path tmp, RedisServerExtension redis, String key, List<String> targets,
                              String... cacheOptions) {
        Path config = CliRun.copyOfExamples(tmp);
        StringBuilder cache = new StringBuilder("targets:\n  cache:\n    type: redis\n    url: " + redis.url()
                + "\n    key: \"" + key + "\"\n");
        for (String option : cacheOptions) {
            cache.append("    ").append(option).append('\n');
        }
        RedisExamples out = new RedisExamples(tmp, config, key);
        out.editSettings("  development: {targets: [local]}\n", "  development: {targets: ["
                + String.join(", ", targets) + "]}\n");
        out.editSettings("targets:\n", cache.toString());
        return out;
    }

    Path config() {
        return config;
    }

    String key() {
        return key;
    }

    String metaKey() {
        return key + ":meta";
    }

    /** The file target's content, {@code build/deployed/development.json}. */
    Path deployedFile() {
        return root.resolve("build/deployed/" + ENVIRONMENT + ".json");
    }

    Path deployedRecord() {
        return root.resolve("build/deployed/" + ENVIRONMENT + ".meta.json");
    }

    Path journal(String deploymentId) {
        return config.resolve(".config-cicd/deployments/" + deploymentId + ".json");
    }

    Path auditLog() {
        return config.resolve(".config-cicd/audit/audit.jsonl");
    }

    /** Replaces text in {@code config-cicd.yaml}; fails when it is not there. */
    void editSettings(String from, String to) {
        edit(config.resolve("config-cicd.yaml"), from, to);
    }

    /** Replaces text in {@code environments/development.yaml}; fails when it is not there. */
    void editDevelopment(String from, String to) {
        edit(config.resolve("environments/" + ENVIRONMENT + ".yaml"), from, to);
    }

    /** {@code config-cicd --config-dir DIR ARGS...} in this process. */
    CliRun run(String... args) {
        return CliRun.in(config, args);
    }

    /** The file target's content and record, empty when they do not exist. */
    String fileTarget() {
        return read(deployedFile()) + "\n" + read(deployedRecord());
    }

    /**
     * Runs {@code config-cicd --progress --config-dir DIR ARGS...} in this process and, the first time it prints a
     * progress line on standard error that {@code when} accepts, runs {@code action} on the CLI's thread before the
     * command goes on: a hook between the engine's steps ({@code "deploy: journal ... started"} comes after every
     * target was read and planned and before the first write), without sleeps.
     */
    CliRun runWithHook(Map<String, String> env, Predicate<String> when, HookedRun.Hook action, String... args) {
        List<String> all = new ArrayList<>(List.of("--config-dir", config.toString(), "--progress"));
        all.addAll(List.of(args));
        return HookedRun.run(env, when, action, all.toArray(String[]::new));
    }

    static String read(Path file) {
        try {
            return Files.exists(file) ? Files.readString(file) : "";
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    static Optional<String> readIfExists(Path file) {
        return Files.exists(file) ? Optional.of(read(file)) : Optional.empty();
    }

    private static void edit(Path file, String from, String to) {
        String text = read(file);
        if (!text.contains(from)) {
            throw new IllegalStateException(file + " does not contain " + from);
        }
        try {
            Files.writeString(file, text.replaceFirst(java.util.regex.Pattern.quote(from),
                    java.util.regex.Matcher.quoteReplacement(to)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
