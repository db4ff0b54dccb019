package io.configcicd.core.report;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configcicd.core.model.Origin;
import io.configcicd.core.model.Severity;
import io.configcicd.core.validate.Finding;
import java.util.List;
import org.junit.jupiter.api.Test;

class ReportTest {

    @Test
    void sortsFindingsByFileLineColumnAndRuleAndNamesAFindingSharedByEnvironmentsOnce() {
        Report report = ReportFixtures.report();

        assertThat(report.findings()).extracting(f -> f.origin().toString() + " " + f.ruleId() + " " + f.environment())
                .containsExactly(
                        "environments/production.yaml required-key production",
                        "environments/production.yaml:12:5 plaintext-secret production",
                        "global/base.yaml:4:3 deprecated-key staging",
                        "global/base.yaml:30:11 port-range production, staging");
        assertThat(report.findings().get(3).environments()).containsExactly("production", "staging");
    }

    @Test
    void countsEverySeverityAndKnowsTheHighest() {
        Report report = ReportFixtures.report();

        assertThat(report.counts()).containsEntry(Severity.CRITICAL, 1).containsEntry(Severity.ERROR, 1)
                .containsEntry(Severity.WARNING, 1).containsEntry(Severity.INFO, 1);
        assertThat(report.highest()).contains(Severity.CRITICAL);
        assertThat(ReportFixtures.clean().highest()).isEmpty();
        assertThat(ReportFixtures.clean().counts()).hasSize(4).containsValues(0);
    }

    @Test
    void makesPathsRelativeToTheRepositoryRoot() {
        Report report = ReportFixtures.report();

        assertThat(report.repositoryPath(Origin.of("environments/production.yaml", 1, 1)))
                .isEqualTo(ReportFixtures.PRODUCTION_FILE);
        assertThat(report.repositoryPath(Origin.UNKNOWN)).isEmpty();
        assertThat(report.findingsByFile()).containsOnlyKeys(ReportFixtures.PRODUCTION_FILE, ReportFixtures.BASE_FILE);
    }

    @Test
    void normalisesThePathPrefix() {
        Origin origin = Origin.of("global/base.yaml", 1, 1);

        assertThat(withPrefix("configuration").repositoryPath(origin)).isEqualTo("configuration/global/base.yaml");
        assertThat(withPrefix("./ops\\configuration\\").repositoryPath(origin))
                .isEqualTo("ops/configuration/global/base.yaml");
        assertThat(withPrefix("").repositoryPath(origin)).isEqualTo("global/base.yaml");
        assertThat(withPrefix(".").configurationDirectory()).isEqualTo(".");
        assertThat(withPrefix("configuration/").configurationDirectory()).isEqualTo("configuration");
    }

    @Test
    void listsEnvironmentsOnlyFindingsName() {
        Finding extra = new Finding("r", Severity.INFO, "qa", ReportFixtures.secret().path(), Origin.UNKNOWN, "m",
                java.util.Optional.empty());
        Report report = Report.of("1", "validate", "", List.of("production"), List.of(extra));

        assertThat(report.allEnvironments()).containsExactly("production", "qa");
        assertThat(report.tool()).isEqualTo("config-cicd");
    }

    @Test
    void parsesFormatNamesAndTheCodeQualityAlias() {
        assertThat(ReportFormat.parse("text")).isEqualTo(ReportFormat.TEXT);
        assertThat(ReportFormat.parse(" JSON ")).isEqualTo(ReportFormat.JSON);
        assertThat(ReportFormat.parse("junit")).isEqualTo(ReportFormat.JUNIT);
        assertThat(ReportFormat.parse("sarif")).isEqualTo(ReportFormat.SARIF);
        assertThat(ReportFormat.parse("gitlab")).isEqualTo(ReportFormat.GITLAB);
        assertThat(ReportFormat.parse("codequality")).isEqualTo(ReportFormat.GITLAB);
        assertThat(ReportFormat.parse("github")).isEqualTo(ReportFormat.GITHUB);
        assertThatThrownBy(() -> ReportFormat.parse("html")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("html").hasMessageContaining("sarif");
    }

    @Test
    void factoryGivesAWriterForEveryFormat() {
        for (ReportFormat format : ReportFormat.values()) {
            assertThat(ReportWriters.of(format, false).format()).isEqualTo(format);
        }
    }

    private static Report withPrefix(String prefix) {
        return Report.of("1", "validate", prefix, List.of(), List.of());
    }
}
