package io.configcicd.action;

import java.nio.file.Path;

/** One command of the action: calls one core facade and returns what to write; failures are exceptions. */
interface ActionStep {

    /** Where the steps write their JSON report, relative to the workspace (the {@code report} output names the file). */
    String REPORT_DIR = ".config-cicd/reports";

    StepResult run(ActionInputs inputs);

    /** The report file {@code name} under {@link #REPORT_DIR} of a workspace. */
    static Path reportFile(RunnerContext runner, String name) {
        return runner.workspace().resolve(REPORT_DIR).resolve(name);
    }
}
