package io.configcicd.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class TextReportWriterTest {

    @Test
    void groupsFindingsUnderTheirRepositoryRelativeFile() {
        String text = ReportFixtures.render(ReportFormat.TEXT, ReportFixtures.report());
        List<String> lines = text.lines().toList();

        assertThat(lines.get(0)).isEqualTo(ReportFixtures.PRODUCTION_FILE);
        assertThat(lines).contains(ReportFixtures.BASE_FILE);
        assertThat(lines.indexOf(ReportFixtures.BASE_FILE)).isGreaterThan(lines.indexOf(ReportFixtures.PRODUCTION_FILE));
        assertThat(text).doesNotContain("\u001B[");
    }

    @Test
    void writesLocationSeverityMessageRuleAndFix() {
        String text = ReportFixtures.render(ReportFormat.TEXT, ReportFixtures.report());

        assertThat(text).containsPattern("(?m)^  12:5 +critical +plaintext secret \"api_key\" in <security> & 100% exposed,$");
        assertThat(text).containsPattern("(?m)^ +see: docs  \\[plaintext-secret\\]  \\(production\\)$");
        assertThat(text).containsPattern("(?m)^    fix: replace it with \\$\\{OPENAI_API_KEY\\}, then set: that variable$");
        assertThat(text).containsPattern("(?m)^  - +warning +missing key \"owner\" <required>  \\[required-key\\]");
        assertThat(text).containsPattern("(?m)^  30:11 +error +port 70000 .*\\[port-range\\]  \\(production, staging\\)$");
    }

    @Test
    void endsWithASummaryOfCountsAndEnvironments() {
        List<String> lines = ReportFixtures.render(ReportFormat.TEXT, ReportFixtures.report()).lines().toList();

        assertThat(lines.get(lines.size() - 1))
                .isEqualTo("1 critical, 1 error, 1 warning, 1 info in 2 files in 3 environments");
        assertThat(ReportFixtures.render(ReportFormat.TEXT, ReportFixtures.clean()))
                .isEqualTo("no findings in 2 environments\n");
    }

    @Test
    void coloursSeveritiesOnlyWhenAskedTo() {
        String text = ReportWriters.of(ReportFormat.TEXT, true).render(ReportFixtures.report());

        assertThat(text).contains("\u001B[1;31mcritical").contains("\u001B[31merror").contains("\u001B[33mwarning")
                .contains("\u001B[36minfo").contains("\u001B[0m");
    }

    @Test
    void escapesControlCharactersSoAMessageCannotDriveTheTerminal() {
        var f = ReportFixtures.portInStaging();
        var evil = new io.configcicd.core.validate.Finding(f.ruleId(), f.severity(), f.environment(), f.path(),
                f.origin(), "red \u001B[31m bell \u0007", f.fix());
        Report report = Report.of("1", "validate", "configuration/", List.of("staging"), List.of(evil));

        String text = ReportFixtures.render(ReportFormat.TEXT, report);

        assertThat(text).doesNotContain("\u001B").doesNotContain("\u0007").contains("red \\u001b[31m bell \\u0007");
    }
}
