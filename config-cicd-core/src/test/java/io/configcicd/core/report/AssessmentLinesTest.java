package io.configcicd.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.diff.Change;
import io.configcicd.core.impact.AssessedChange;
import io.configcicd.core.impact.Assessment;
import io.configcicd.core.model.RiskLevel;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.Origin;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** What config:assess prints and the message it fails with. */
class AssessmentLinesTest {

    private static final String BASE = "0123456789abcdef0123";
    private static final String HEAD = "fedcba9876543210fedc";

    private static AssessedChange change(RiskLevel risk, String reason, String file, int line, String... keys) {
        return new AssessedChange(ConfigPath.ofKeys(keys), Change.Type.MODIFIED, Optional.of("8080"),
                Optional.of("80"), risk, List.of(reason), Optional.of(Origin.of(file, line, 3)), Optional.empty(),
                List.of());
    }

    private static Assessment assessment(String environment, RiskLevel level, List<String> reasons,
                                         AssessedChange... changes) {
        return new Assessment(environment, BASE, HEAD, level, reasons, List.of(changes), List.of(), List.of(),
                List.of("smoke"));
    }

    private static AssessOutcome outcome(Optional<RiskLevel> failOn, Assessment... assessments) {
        return new AssessOutcome("1.0", "services/orders/configuration/", Optional.empty(), List.of(assessments),
                failOn);
    }

    @Test
    void failureNamesTheFirstChangeAtTheHighestLevelWithItsFileLineAndReasonsButNotItsValues() {
        AssessedChange port = change(RiskLevel.HIGH, "network port (**.port): high", "environments/development.yaml",
                4, "service", "port");
        AssessedChange mfa = change(RiskLevel.CRITICAL, "security setting (security.**): critical",
                "global/base.yaml", 5, "security", "mfa_required");

        String message = AssessmentLines.failure(outcome(Optional.of(RiskLevel.HIGH),
                assessment("development", RiskLevel.HIGH, List.of(), port),
                assessment("production", RiskLevel.CRITICAL, List.of(), mfa)));

        assertThat(message).isEqualTo("configuration change risk CRITICAL is at or above failOn high: production: "
                + "modified security.mfa_required at services/orders/configuration/global/base.yaml:5 "
                + "(security setting (security.**): critical)");
    }

    @Test
    void failureWithoutAChangeAtThatLevelNamesTheReasonsOfTheRiskiestEnvironment() {
        String message = AssessmentLines.failure(outcome(Optional.of(RiskLevel.MEDIUM),
                assessment("development", RiskLevel.LOW, List.of("no effective changes")),
                assessment("production", RiskLevel.HIGH, List.of("introduces error finding [schema]"))));

        assertThat(message).endsWith("failOn medium: production: introduces error finding [schema]");
    }

    @Test
    void summaryCountsEnvironmentsAndChangedKeysAndNamesTheThreshold() {
        AssessedChange port = change(RiskLevel.HIGH, "network port (**.port): high", "environments/production.yaml",
                4, "service", "port");

        assertThat(AssessmentLines.summary(outcome(Optional.of(RiskLevel.CRITICAL),
                assessment("production", RiskLevel.HIGH, List.of(), port))))
                .isEqualTo("config-cicd assess: risk HIGH, 1 environment (production), 1 changed key; "
                        + "fails on critical and above");
        assertThat(AssessmentLines.summary(outcome(Optional.empty(),
                assessment("development", RiskLevel.LOW, List.of("no effective changes")),
                assessment("production", RiskLevel.LOW, List.of("no effective changes")))))
                .isEqualTo("config-cicd assess: risk LOW, 2 environments (development, production), 0 changed keys; "
                        + "no failOn threshold, the build does not fail on risk");
    }

    @Test
    void logPrintsTheTextReportLineByLineWithoutBlankLines() {
        AssessedChange port = change(RiskLevel.HIGH, "network port (**.port): high", "environments/production.yaml",
                4, "service", "port");

        List<LogLine> lines = AssessmentLines.lines(outcome(Optional.empty(), assessment("production", RiskLevel.HIGH,
                List.of("1 effective change(s)"), port)));

        assertThat(lines).extracting(LogLine::text).startsWith("risk HIGH for production (0123456789ab -> fedcba987654)")
                .anySatisfy(l -> assertThat(l).contains("service.port: 8080 -> 80")
                        .contains("(services/orders/configuration/environments/production.yaml:4)"))
                .noneSatisfy(l -> assertThat(l).isBlank());
        assertThat(lines).allSatisfy(l -> assertThat(l.level()).isEqualTo(LogLine.Level.INFO));
    }
}
