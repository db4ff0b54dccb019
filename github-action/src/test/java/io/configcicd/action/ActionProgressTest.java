package io.configcicd.action;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.event.Event;
import io.configcicd.core.model.Origin;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The core's progress events in a workflow log: steps as ::debug::, warnings as annotations, escaped. */
class ActionProgressTest {

    private static final Instant T = Instant.parse("2026-12-05T01:00:00Z");

    @Test
    void stepsAreDebugLinesAndWarningsAnnotationsThatCannotStartACommandOfTheirOwn() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ActionProgress progress = new ActionProgress();
        progress.accept(new Event.Progress(T, "deploy", "before the step runs: dropped"));
        progress.attach(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        progress.accept(new Event.FileWritten(T, "validate", "environments/production.yaml"));
        progress.accept(new Event.Progress(T, "deploy", "two\nlines ::error::x"));
        progress.accept(new Event.Warning(T, "history", "the history is cut", Origin.UNKNOWN));

        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("::debug::wrote environments/production.yaml\n"
                + "::debug::two%0Alines ::error::x\n"
                + "::warning title=config-cicd::the history is cut\n");
    }

    @Test
    void eachMonitorRoundIsOneGroupAndAFailedRoundAlsoAWarningWhoseLinesCannotStartACommand() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        ActionProgress progress = new ActionProgress();
        progress.attach(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        progress.accept(new Event.Round(T, "monitor", 1, true, "round 1: healthy", List.of("target local: holds d1")));
        progress.accept(new Event.Round(T, "monitor", 2, false, "round 2: FAILED (1 of 3 in a row: probe smoke)",
                List.of("probe smoke FAILED (exit 1: boom\n::add-mask::x, 4 ms)")));

        assertThat(bytes.toString(StandardCharsets.UTF_8)).isEqualTo("::group::monitor round 1: healthy\n"
                + "round 1: healthy\n"
                + "  target local: holds d1\n"
                + "::endgroup::\n"
                + "::group::monitor round 2: FAILED\n"
                + "round 2: FAILED (1 of 3 in a row: probe smoke)\n"
                + "  probe smoke FAILED (exit 1: boom\n"
                + "> ::add-mask::x, 4 ms)\n"
                + "::endgroup::\n"
                + "::warning title=config-cicd::round 2: FAILED (1 of 3 in a row: probe smoke)\n");
    }
}
