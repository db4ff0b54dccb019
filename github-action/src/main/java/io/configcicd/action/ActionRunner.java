package io.configcicd.action;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.api.ValidationService;
import io.configcicd.core.api.Workspace;
import io.configcicd.core.api.AssessmentService;
import io.configcicd.core.api.DeployService;
import io.configcicd.core.api.MonitorService;
import io.configcicd.core.event.Cancellation;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * One run of the action: masks first, then reads the inputs, runs the command and writes what it produced.
 *
 * <ol>
 *   <li>the masker of the configuration directory's secrets is built, and {@code ::add-mask::} is printed for each
 *       secret before anything else, so the runner hides them in this step's log and in every later step's; a value
 *       a service resolves later (deploy, for a {@code secrets: resolve} target) gets its {@code ::add-mask::} the
 *       moment the service learns it, before anything that could contain it ({@link RunnerMasks});</li>
 *   <li>every other line, output value, summary and report passes through that same masker;</li>
 *   <li>the outputs and the summary are written before the step exits 1 on {@code fail_on}, so later steps with
 *       {@code if: always()} can read them; errors map to exit codes in {@link Failures}.</li>
 * </ol>
 */
final class ActionRunner {

    private final Map<String, String> env;
    private final String version;
    private final Cancellation cancel;
    private final ActionProgress progress = new ActionProgress();

    /**
     * @param env     the process environment: the runner's {@code GITHUB_*} and {@code INPUT_*} variables, and the
     *                variables that secrets reference
     * @param version the tool version written into reports
     */
    ActionRunner(Map<String, String> env, String version) {
        this(env, version, Cancellation.none());
    }

    /** @param cancel fired when the job is cancelled (SIGTERM): a monitor run stops at once, without rollback */
    ActionRunner(Map<String, String> env, String version, Cancellation cancel) {
        this.env = Map.copyOf(env);
        this.version = version;
        this.cancel = cancel;
    }

    /**
     * Runs the action, printing to {@code rawOut} (workflow commands, the report; UTF-8) and {@code rawErr} (a stack
     * trace when the runner's debug logging is on); returns the exit code.
     */
    int run(PrintStream rawOut, PrintStream rawErr) {
        RunnerContext runner = RunnerContext.from(env);
        Path configDir = ActionInputs.configDir(env, runner);
        Optional<Workspace> workspace = ActionSecrets.open(configDir, env, progress);
        try {
            RunnerMasks masks = new RunnerMasks(workspace.map(Workspace::masker)
                    .orElseGet(() -> Workspace.credentialsMasker(env)), new PrintStream(rawOut, true,
                    StandardCharsets.UTF_8));
            masks.start();
            PrintStream out = masks.masking(rawOut);
            progress.attach(out);
            return run(runner, configDir, workspace, masks, out, masks.masking(rawErr));
        } finally {
            workspace.ifPresent(Workspace::close);
        }
    }

    /** The run, {@code out} and {@code err} already masking (and the secrets' ::add-mask:: lines printed). */
    private int run(RunnerContext runner, Path configDir, Optional<Workspace> workspace, RunnerMasks masker,
                    PrintStream out, PrintStream err) {
        WorkflowFiles files = new WorkflowFiles(runner.outputFile(), runner.summaryFile(), masker);
        Failures failures = new Failures(runner, configDir, "1".equals(env.get("RUNNER_DEBUG")));
        try {
            ActionInputs inputs = ActionInputs.from(env, runner);
            requireDirectory(inputs.configDir(), runner);
            ActionPolicyRef policy = ActionPolicyRef.of(env, runner, inputs.configDir());
            policy.warning().ifPresent(w -> out.println(WorkflowCommands.annotation("warning", "config-cicd", w)));
            return finish(step(inputs.command(), runner, masker, workspace, policy.environment(env)).run(inputs),
                    files, out);
        } catch (RuntimeException e) {
            return failures.report(e, out, err, files);
        } finally {
            out.flush();
            err.flush();
        }
    }

    /** A missing configuration directory, in the action's terms: an input, relative to the workspace. */
    private static void requireDirectory(Path configDir, RunnerContext runner) {
        if (!Files.isDirectory(configDir)) {
            throw ConfigCicdException.badInput("input config_dir: " + runner.relative(configDir)
                    + " is not a directory of the workspace " + runner.workspace(), "check out the repository "
                    + "(actions/checkout) before this step, and set config_dir to the directory that holds global/ "
                    + "and environments/, relative to the workspace");
        }
    }

    /** The step of a command; {@code serviceEnv} is the environment its service sees (with the policy ref). */
    private ActionStep step(ActionCommand command, RunnerContext runner, RunnerMasks masker,
                            Optional<Workspace> workspace, Map<String, String> serviceEnv) {
        Clock clock = Clock.systemDefaultZone();
        Supplier<Workspace> opened = () -> workspace.orElseGet(() -> Workspace.open(ActionInputs.configDir(env, runner),
                serviceEnv, clock, progress));
        return switch (command) {
            case VALIDATE -> new ValidateStep(runner, new ValidationService(version, clock, serviceEnv), masker,
                    workspace);
            case ASSESS -> new AssessStep(runner, new AssessmentService(version, clock, serviceEnv), masker);
            case DEPLOY, DRIFT, TEST_STORES -> new DeployStep(runner, new DeployService(masker), masker, opened);
            case MONITOR -> new MonitorStep(runner, new MonitorService(masker), masker, opened, cancel);
        };
    }

    /** Outputs and summary first, then the log and the annotations; returns the step's exit code. */
    private static int finish(StepResult result, WorkflowFiles files, PrintStream out) {
        if (!files.setOutputs(result.outputs())) {
            out.println(WorkflowCommands.annotation("warning", "config-cicd",
                    "GITHUB_OUTPUT is not set: the step outputs are not written"));
        }
        files.appendSummary(result.summary());
        out.print(withNewline(WorkflowCommands.plain(result.log())));
        out.print(withNewline(result.annotations()));
        result.failure().ifPresent(f -> out.println(WorkflowCommands.annotation("error", "config-cicd", f)));
        out.flush();
        return result.exitCode();
    }

    private static String withNewline(String text) {
        return text.isEmpty() || text.endsWith("\n") ? text : text + "\n";
    }
}
