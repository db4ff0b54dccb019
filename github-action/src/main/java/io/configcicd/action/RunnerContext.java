package io.configcicd.action;

import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * What the GitHub runner tells a container action about the run, from its {@code GITHUB_*} variables.
 *
 * @param workspace   {@code GITHUB_WORKSPACE}, default {@value #DEFAULT_WORKSPACE}: the checkout, against which
 *                    {@code config_dir} and the report path are resolved
 * @param outputFile  {@code GITHUB_OUTPUT}: step outputs are appended here
 * @param summaryFile {@code GITHUB_STEP_SUMMARY}: the job summary Markdown is appended here
 * @param eventName   {@code GITHUB_EVENT_NAME} ({@code push}, {@code pull_request}, ...), empty outside a runner
 * @param eventPath   {@code GITHUB_EVENT_PATH}: the webhook payload of the event
 * @param sha         {@code GITHUB_SHA}: the commit the workflow runs on
 * @param runId       {@code GITHUB_RUN_ID}: the default deployment id
 */
record RunnerContext(Path workspace, Optional<Path> outputFile, Optional<Path> summaryFile, String eventName,
                     Optional<Path> eventPath, Optional<String> sha, Optional<String> runId) {

    /** Where GitHub mounts the checkout in a container action. */
    static final String DEFAULT_WORKSPACE = "/github/workspace";

    RunnerContext {
        Objects.requireNonNull(workspace, "workspace");
        Objects.requireNonNull(outputFile, "outputFile");
        Objects.requireNonNull(summaryFile, "summaryFile");
        Objects.requireNonNull(eventName, "eventName");
        Objects.requireNonNull(eventPath, "eventPath");
        Objects.requireNonNull(sha, "sha");
        Objects.requireNonNull(runId, "runId");
    }

    /** Reads the runner's variables; a blank variable counts as unset. */
    static RunnerContext from(Map<String, String> env) {
        Path workspace = Path.of(value(env, "GITHUB_WORKSPACE").orElse(DEFAULT_WORKSPACE)).toAbsolutePath().normalize();
        return new RunnerContext(workspace, value(env, "GITHUB_OUTPUT").map(Path::of),
                value(env, "GITHUB_STEP_SUMMARY").map(Path::of), value(env, "GITHUB_EVENT_NAME").orElse(""),
                value(env, "GITHUB_EVENT_PATH").map(Path::of), value(env, "GITHUB_SHA"), value(env, "GITHUB_RUN_ID"));
    }

    /** A path relative to the workspace, with '/' separators; the absolute path when it lies outside. */
    String relative(Path file) {
        Path p = file.toAbsolutePath().normalize();
        return p.startsWith(workspace) ? workspace.relativize(p).toString().replace('\\', '/') : p.toString();
    }

    /** An environment variable, trimmed, or empty when unset or blank. */
    static Optional<String> value(Map<String, String> env, String name) {
        String v = env.get(name);
        return v == null || v.isBlank() ? Optional.empty() : Optional.of(v.trim());
    }
}
