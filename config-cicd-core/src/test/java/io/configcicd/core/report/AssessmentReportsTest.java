package io.configcicd.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.diff.Change;
import io.configcicd.core.report.AssessOutcome;
import io.configcicd.core.impact.AssessedChange;
import io.configcicd.core.impact.Assessment;
import io.configcicd.core.impact.CodeReference;
import io.configcicd.core.model.RiskLevel;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.Origin;
import io.configcicd.core.model.Severity;
import io.configcicd.core.validate.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class AssessmentReportsTest {

    private static final String BASE = "a".repeat(40);
    private static final String HEAD = "b".repeat(40);

    private static AssessedChange change(String path, RiskLevel risk, String oldValue, String newValue,
                                         List<CodeReference> consumers) {
        return new AssessedChange(ConfigPath.parse(path), Change.Type.MODIFIED, Optional.of(oldValue),
                Optional.of(newValue), risk, List.of("rule for " + path), Optional.of(Origin.of("global/base.yaml", 7, 3)),
                Optional.empty(), consumers);
    }

    private static Assessment assessment(String env, List<AssessedChange> changes, List<Finding> introduced) {
        RiskLevel level = changes.stream().map(AssessedChange::risk).reduce(RiskLevel.LOW, RiskLevel::max);
        return new Assessment(env, BASE, HEAD, level, List.of(changes.size() + " effective change(s)"), changes,
                introduced, List.of(), List.of("smoke"));
    }

    private static AssessOutcome outcome(Assessment... assessments) {
        return new AssessOutcome("1.2.3", "configuration/", Optional.of("run-7"), List.of(assessments), Optional.empty());
    }

    @Test
    void markdownEscapesTableCellsAndPutsTheRiskiestChangeFirst() {
        AssessOutcome o = outcome(assessment("production", List.of(
                change("logging.level", RiskLevel.LOW, "info", "debug", List.of()),
                change("services.api.url", RiskLevel.CRITICAL, "a|b", "`tick`<br>",
                        List.of(new CodeReference("src/App.java", 12, "get(\"services.api.url\")")))), List.of()));

        String md = AssessmentReports.render(o, ReportFormat.MARKDOWN, false);

        assertThat(md).startsWith("## config-cicd assess: risk **CRITICAL**\n").contains("Deployment: `run-7`");
        String[] rows = md.lines().filter(l -> l.startsWith("| **")).toArray(String[]::new);
        assertThat(rows).hasSize(2);
        assertThat(rows[0]).startsWith("| **CRITICAL** | modified | `services.api.url` | `a\\|b` → `` `tick`<br> `` | "
                + "`configuration/global/base.yaml:7` |");
        assertThat(rows[1]).startsWith("| **LOW** |");
        assertThat(md).contains("- `services.api.url`: `src/App.java:12`").contains("**Recommended tests:** `smoke`");
    }

    @Test
    void markdownTablesStopAtTheRowLimitAndSayHowManyMoreThereAre() {
        List<AssessedChange> many = new ArrayList<>();
        for (int i = 0; i < Markdown.MAX_ROWS + 5; i++) {
            many.add(change("k" + i, RiskLevel.MEDIUM, "1", "2", List.of()));
        }

        String md = AssessmentReports.render(outcome(assessment("staging", many, List.of())), ReportFormat.MARKDOWN, false);

        assertThat(md.lines().filter(l -> l.startsWith("| **MEDIUM**")).count()).isEqualTo(Markdown.MAX_ROWS);
        assertThat(md).contains("_5 more not shown; all are in the json report._");
    }

    @Test
    void theFindingFormatsShowEachChangeAtItsOriginWithASeverityThatFollowsTheRisk() {
        Finding introduced = new Finding("schema", Severity.ERROR, "production", ConfigPath.parse("services.api.url"),
                Origin.of("global/base.yaml", 7, 3), "not a URL", Optional.empty());
        AssessOutcome o = outcome(assessment("production", List.of(
                change("services.api.url", RiskLevel.HIGH, "x", "y", List.of()),
                change("logging.level", RiskLevel.LOW, "info", "debug", List.of())), List.of(introduced)));

        Report report = AssessmentReports.asReport(o);

        assertThat(report.findings()).extracting(Finding::ruleId)
                .containsExactlyInAnyOrder("risk.high", "risk.low", "schema");
        assertThat(report.findings()).filteredOn(f -> f.ruleId().equals("risk.high")).singleElement()
                .satisfies(f -> {
                    assertThat(f.severity()).isEqualTo(Severity.ERROR);
                    assertThat(f.message()).isEqualTo("modified services.api.url: x -> y: HIGH (rule for services.api.url)");
                    assertThat(report.repositoryPath(f.origin())).isEqualTo("configuration/global/base.yaml");
                });
        assertThat(AssessmentReports.render(o, ReportFormat.GITHUB, false))
                .contains("::error file=configuration/global/base.yaml,line=7,col=3,title=risk.high::production: "
                        + "modified services.api.url: x -> y")
                .contains("::notice file=configuration/global/base.yaml,line=7,col=3,title=risk.low::");
        assertThat(AssessmentReports.fileName(ReportFormat.JUNIT)).isEqualTo("TEST-config-cicd-assess.xml");
        assertThat(AssessmentReports.fileName(ReportFormat.MARKDOWN)).isEqualTo("config-cicd-assess.md");
    }

    @Test
    void jsonOfSeveralEnvironmentsCarriesTheOverallLevelAndEveryChangedKeyOnce() throws Exception {
        AssessOutcome o = outcome(
                assessment("production", List.of(change("a.b", RiskLevel.HIGH, "1", "2", List.of())), List.of()),
                assessment("staging", List.of(change("a.b", RiskLevel.MEDIUM, "1", "2",
                        List.of(new CodeReference("x.py", 3, "s['a.b']"))), change("c", RiskLevel.LOW, "1", "2",
                        List.of())), List.of()));

        JsonNode json = JsonMapper.shared().readTree(AssessmentReports.render(o, ReportFormat.JSON, false));

        assertThat(json.path("risk_level").asString()).isEqualTo("HIGH");
        assertThat(json.path("deployment_id").asString()).isEqualTo("run-7");
        assertThat(json.path("changed_keys").toString()).isEqualTo("[\"a.b\",\"c\"]");
        JsonNode staging = json.path("assessments").get(1);
        assertThat(staging.path("environment").asString()).isEqualTo("staging");
        assertThat(staging.path("changes").get(0).path("origin").path("file").asString())
                .isEqualTo("configuration/global/base.yaml");
        assertThat(staging.path("changes").get(0).path("consumers").get(0).path("line").asInt()).isEqualTo(3);
        assertThat(staging.path("changes").get(1).path("old").asString()).isEqualTo("1");
    }

    @Test
    void textNamesTheCodeThatReadsAKey() {
        AssessOutcome o = outcome(assessment("production", List.of(change("a.b", RiskLevel.HIGH, "1", "2",
                List.of(new CodeReference("x.py", 3, "  s['a.b']  ")))), List.of()));

        assertThat(AssessmentReports.render(o, ReportFormat.TEXT, false))
                .startsWith("risk HIGH for production (aaaaaaaaaaaa -> bbbbbbbbbbbb)\n")
                .contains("  HIGH     ~ a.b: 1 -> 2  (configuration/global/base.yaml:7)\n")
                .contains("             read by x.py:3: s['a.b']\n")
                .endsWith("deployment: run-7\n");
    }
}
