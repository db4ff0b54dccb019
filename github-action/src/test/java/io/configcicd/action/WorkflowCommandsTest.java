package io.configcicd.action;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class WorkflowCommandsTest {

    @Test
    void eachLineOfASecretIsMaskedOnceAndEscapedAsTheRunnerUnescapesIt() {
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();
        PrintStream out = new PrintStream(bytes, true, StandardCharsets.UTF_8);

        WorkflowCommands.addMasks(List.of("-----BEGIN KEY-----\nMIIEabc\n\n-----END KEY-----", "100%secret",
                "MIIEabc"), out);

        assertThat(bytes.toString(StandardCharsets.UTF_8).lines()).containsExactly("::add-mask::-----BEGIN KEY-----",
                "::add-mask::MIIEabc", "::add-mask::-----END KEY-----", "::add-mask::100%25secret");
    }

    @Test
    void annotationsEscapeTheirPropertiesAndMessage() {
        assertThat(WorkflowCommands.annotation("error", "config/a,b.yaml", 3, 0, "config-cicd", "bad: x\nhint: y"))
                .isEqualTo("::error file=config/a%2Cb.yaml,line=3,title=config-cicd::bad: x%0Ahint: y");
        assertThat(WorkflowCommands.annotation("warning", "t", "50% done"))
                .isEqualTo("::warning title=t::50%25 done");
    }

    @Test
    void atMostFiftyAnnotationsAreWrittenChosenMostSeriousFirstAndTheRestCounted() {
        java.util.List<io.configcicd.core.validate.Finding> findings = new java.util.ArrayList<>();
        for (int i = 0; i < 60; i++) {
            findings.add(new io.configcicd.core.validate.Finding("rule" + i,
                    i == 59 ? io.configcicd.core.model.Severity.CRITICAL : io.configcicd.core.model.Severity.INFO,
                    "production", io.configcicd.core.model.ConfigPath.parse("k" + i),
                    io.configcicd.core.model.Origin.of("global/base.yaml", i + 1, 1), "m" + i, java.util.Optional.empty()));
        }
        io.configcicd.core.report.Report report = io.configcicd.core.report.Report.of("1", "assess", "configuration/",
                java.util.List.of("production"), findings);

        java.util.List<String> lines = WorkflowCommands.annotations(report, "the summary").lines().toList();

        assertThat(lines).hasSize(51);
        assertThat(lines).filteredOn(l -> l.startsWith("::error file=configuration/global/base.yaml,line=60,")).hasSize(1);
        assertThat(lines.get(50)).isEqualTo("::notice title=config-cicd::10 more not annotated; all are in the summary");
    }

    @Test
    void aLogLineThatTheRunnerWouldReadAsACommandIsQuotedAndTheOthersKeptAsTheyAre() {
        assertThat(WorkflowCommands.plain("answered: ok\n::stop-commands::t\r\n   ::add-mask::x\n\u00a0::error::y\n"
                + "a ::warning::z"))
                .isEqualTo("answered: ok\n> ::stop-commands::t\n>    ::add-mask::x\n> \u00a0::error::y\na ::warning::z");
        assertThat(WorkflowCommands.plain("\nlast\n")).isEqualTo("\nlast\n");
    }
}
