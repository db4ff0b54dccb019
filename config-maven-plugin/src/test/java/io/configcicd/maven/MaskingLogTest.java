package io.configcicd.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.report.LogLine;
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
}
