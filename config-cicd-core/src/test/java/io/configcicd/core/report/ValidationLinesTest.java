package io.configcicd.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.Origin;
import io.configcicd.core.model.Severity;
import io.configcicd.core.validate.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** How findings are printed: the compiler's shape, paths relative to the repository root. */
class ValidationLinesTest {

    private static Finding finding(Severity severity, Origin origin, String environment) {
        return new Finding("schema", severity, environment, ConfigPath.ofKeys("service", "port"), origin,
                "must be an integer", Optional.empty());
    }

    private static Report report(List<Finding> findings) {
        return Report.of("1.0", "validate", "services/orders/configuration/", List.of("production"), findings);
    }

    @Test
    void lineAndColumnFollowThePathRelativeToTheRepositoryRoot() {
        Finding f = finding(Severity.ERROR, Origin.of("environments/production.yaml", 12, 5), "production");

        assertThat(ValidationLines.line(report(List.of(f)), f)).isEqualTo(
                "services/orders/configuration/environments/production.yaml:12:5: [schema] must be an integer"
                        + " (production)");
    }

    @Test
    void aFindingWithoutLineOrWithoutFileNamesWhatItHas() {
        Finding fileOnly = finding(Severity.ERROR, Origin.file("global/base.yaml"), "production");
        Finding lineOnly = finding(Severity.ERROR, Origin.of("global/base.yaml", 3, 0), "");
        Finding nowhere = finding(Severity.ERROR, Origin.UNKNOWN, "production");
        Report report = report(List.of(fileOnly, lineOnly, nowhere));

        assertThat(ValidationLines.line(report, fileOnly))
                .isEqualTo("services/orders/configuration/global/base.yaml: [schema] must be an integer (production)");
        assertThat(ValidationLines.line(report, lineOnly))
                .isEqualTo("services/orders/configuration/global/base.yaml:3: [schema] must be an integer");
        assertThat(ValidationLines.line(report, nowhere))
                .isEqualTo("services/orders/configuration: [schema] must be an integer (production)");
    }

    @Test
    void logLevelFollowsSeverity() {
        Origin o = Origin.of("environments/production.yaml", 1, 1);

        List<LogLine> lines = ValidationLines.findings(report(List.of(finding(Severity.CRITICAL, o, "a"),
                finding(Severity.ERROR, o, "b"), finding(Severity.WARNING, o, "c"), finding(Severity.INFO, o, "d"))));

        assertThat(lines).extracting(LogLine::level).containsExactly(LogLine.Level.ERROR, LogLine.Level.ERROR,
                LogLine.Level.WARN, LogLine.Level.INFO);
    }

    @Test
    void failureMessageCountsTheFindingsAtOrAboveTheThresholdAndListsTheFirstTwenty() {
        List<Finding> findings = new ArrayList<>();
        IntStream.rangeClosed(1, 25).forEach(line -> findings.add(
                finding(Severity.ERROR, Origin.of("environments/production.yaml", line, 3), "production")));
        findings.add(finding(Severity.WARNING, Origin.of("global/base.yaml", 1, 1), "production"));
        String message = ValidationLines.failure(report(findings), Severity.ERROR);

        assertThat(message).startsWith("configuration validation failed: 25 findings at or above error")
                .contains("production.yaml:20:3:")
                .doesNotContain("production.yaml:21:3:")
                .doesNotContain("global/base.yaml")
                .endsWith("... and 5 more (see the log above and the reports)");
    }

    @Test
    void summaryCountsEverySeverityAndNamesTheThreshold() {
        Origin o = Origin.of("environments/production.yaml", 1, 1);
        Report report = report(List.of(finding(Severity.ERROR, o, "production"),
                finding(Severity.WARNING, o, "production"),
                finding(Severity.WARNING, Origin.of("environments/production.yaml", 2, 1), "production")));

        assertThat(ValidationLines.summary(report, 0, 0, Severity.CRITICAL)).isEqualTo("config-cicd validate: 1 environment (production), "
                + "0 critical, 1 error, 2 warnings, 0 info; fails on critical and above");
    }
}
