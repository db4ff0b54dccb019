package io.configcicd.action;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.model.Durations;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The action's inputs (ARCHITECTURE 5), read from the {@code INPUT_<NAME>} variables that GitHub sets for a
 * container action. A blank input counts as not given.
 *
 * @param command      what to run; {@code assess} when not given
 * @param configDir    {@code config_dir}, default {@value #DEFAULT_CONFIG_DIR}, resolved against the workspace
 * @param environments {@code environment}: names separated by commas or newlines; empty means every environment
 * @param commitHash   {@code commit_hash}: the commit to validate or assess
 * @param base         {@code base}: the base of an assessment, instead of the one the event gives
 * @param deploymentId {@code deployment_id}: the deployment's id (deploy), else carried into the outputs;
 *                     {@code GITHUB_RUN_ID} when not given
 * @param failOn       {@code fail_on}: a risk level (assess) or severity (validate) at which the step fails
 * @param duration     {@code duration}: how long monitor watches the deployment: seconds ({@code 300}) or a number
 *                     with a unit ({@code 500ms}, {@code 10s}, {@code 5m}, {@code 1h})
 * @param targets      {@code targets}: deploy and drift: only these targets of the environment (all when none)
 * @param dryRun       {@code dry_run}: deploy prints the plan and the drift, and writes nothing
 */
record ActionInputs(ActionCommand command, Path configDir, List<String> environments, Optional<String> commitHash,
                    Optional<String> base, Optional<String> deploymentId, Optional<String> failOn,
                    Optional<Duration> duration, List<String> targets, boolean dryRun) {

    static final String DEFAULT_CONFIG_DIR = "configuration";


    ActionInputs {
        Objects.requireNonNull(command, "command");
        Objects.requireNonNull(configDir, "configDir");
        environments = List.copyOf(environments);
        Objects.requireNonNull(commitHash, "commitHash");
        Objects.requireNonNull(base, "base");
        Objects.requireNonNull(deploymentId, "deploymentId");
        Objects.requireNonNull(failOn, "failOn");
        Objects.requireNonNull(duration, "duration");
        targets = List.copyOf(targets);
    }

    /**
     * Reads every input.
     *
     * @throws ConfigCicdException bad input naming the input for an unknown command, a malformed duration or
     *         dry_run
     */
    static ActionInputs from(Map<String, String> env, RunnerContext runner) {
        return new ActionInputs(ActionCommand.parse(input(env, "command").orElse("assess")),
                configDir(env, runner), list(input(env, "environment")), input(env, "commit_hash"),
                input(env, "base"), input(env, "deployment_id").or(runner::runId), input(env, "fail_on"),
                input(env, "duration").map(ActionInputs::duration), list(input(env, "targets")),
                input(env, "dry_run").map(ActionInputs::bool).orElse(false));
    }

    /** The configuration directory alone: the secrets are masked before the other inputs are checked. */
    static Path configDir(Map<String, String> env, RunnerContext runner) {
        return runner.workspace().resolve(input(env, "config_dir").orElse(DEFAULT_CONFIG_DIR)).normalize();
    }

    /** The variable GitHub sets for an input: {@code INPUT_} and the name in upper case, spaces as '_'. */
    static String variable(String input) {
        return "INPUT_" + input.replace(' ', '_').toUpperCase(Locale.ROOT);
    }

    private static Optional<String> input(Map<String, String> env, String name) {
        return RunnerContext.value(env, variable(name));
    }

    /** Names separated by commas or newlines, blanks dropped. */
    static List<String> list(Optional<String> text) {
        List<String> out = new ArrayList<>();
        for (String part : text.orElse("").split("[,\\r\\n]")) {
            if (!part.isBlank()) {
                out.add(part.trim());
            }
        }
        return out;
    }

    /** Seconds ({@code 300}) or a number with a unit: {@code ms}, {@code s}, {@code m}, {@code h}; positive. */
    static Duration duration(String text) {
        return Durations.positiveSeconds(text).orElseThrow(() -> ConfigCicdException.badInput("input duration: '"
                + text + "' is not a duration",
                "give a positive number of seconds (300) or a number with a unit: 500ms, 10s, 5m, 1h"));
    }

    private static boolean bool(String text) {
        return switch (text.toLowerCase(Locale.ROOT)) {
            case "true", "yes", "1" -> true;
            case "false", "no", "0" -> false;
            default -> throw ConfigCicdException.badInput("input dry_run: '" + text + "' is not a boolean",
                    "use true or false");
        };
    }
}
