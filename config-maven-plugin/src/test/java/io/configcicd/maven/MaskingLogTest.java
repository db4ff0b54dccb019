package io.configcicd.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.event.Event;
import io.configcicd.core.model.Origin;
import io.configcicd.core.report.LogLine;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The plugin's log: the lines the core builds, each at its Maven level, every secret masked. */
class MaskingLogTest {

    @Test
    void linesTheCoreBuiltAreLoggedAtTheirLevelAndMasked() {
        CapturingLog captured = new CapturingLog();

        MaskingLog.write(new MaskingLog(captured, text -> text.replace("hunter2", "****")),
                List.of(new LogLine(LogLine.Level.ERROR, "password hunter2 in plain text"),
                        new LogLine(LogLine.Level.WARN, "debug on"), LogLine.info("1 fix written")));

        assertThat(captured.lines()).containsExactly("ERROR password **** in plain text", "WARN debug on",
                "INFO 1 fix written");
    }

    @Test
    void progressEventsOfTheCoreAreDebugLinesAndWarningsWarnings() {
        CapturingLog captured = new CapturingLog();
        MaskingLog log = new MaskingLog(captured, text -> text.replace("hunter2", "****"));
        Instant now = Instant.parse("2026-12-05T01:00:00Z");

        MaskingLog.event(log, new Event.FileWritten(now, "validate", "environments/production.yaml"));
        MaskingLog.event(log, new Event.Warning(now, "validate", "token hunter2 looks reused", Origin.UNKNOWN));

        assertThat(captured.lines()).containsExactly("DEBUG wrote environments/production.yaml",
                "WARN token **** looks reused");
    }
}
