package io.configcicd.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MarkdownReportWriterTest {

    private final ReportWriter writer = ReportWriters.of(ReportFormat.MARKDOWN, false);

    @Test
    void findingsAreARowEachMostSeriousFirstWithLocationRuleAndFix() {
        Report report = Report.of("1.0", "validate", "configuration/", List.of("production", "staging"),
                List.of(ReportFixtures.missingOwner(), ReportFixtures.secret(), ReportFixtures.portInProduction()));

        String md = writer.render(report);

        assertThat(md).startsWith("## config-cicd validate: 3 finding(s) (1 critical, 1 error, 1 warning)\n")
                .contains("Environments: `production`, `staging`")
                .contains("| Severity | Location | Rule | Environment | Message |");
        List<String> rows = md.lines().filter(l -> l.startsWith("| CRITICAL") || l.startsWith("| ERROR")
                || l.startsWith("| WARNING")).toList();
        assertThat(rows).hasSize(3);
        assertThat(rows.get(0)).startsWith("| CRITICAL | `configuration/environments/production.yaml:12:5` | "
                + "`plaintext-secret` | production | plaintext secret \"api_key\" in &lt;security&gt; &amp; 100% "
                + "exposed,<br>see: docs<br>Fix: replace it with ${OPENAI_API_KEY}, then set: that variable |");
        assertThat(rows.get(1)).startsWith("| ERROR | `configuration/global/base.yaml:30:11` | `port-range` |");
    }

    @Test
    void aCleanRunSaysSo() {
        String md = writer.render(Report.of("1.0", "validate", "", List.of("dev"), List.of()));

        assertThat(md).isEqualTo("## config-cicd validate: no findings\n\nEnvironments: `dev`\n\n");
        assertThat(ReportFormat.parse("md")).isEqualTo(ReportFormat.MARKDOWN);
    }
}
