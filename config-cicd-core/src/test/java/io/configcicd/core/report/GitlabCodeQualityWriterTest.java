package io.configcicd.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class GitlabCodeQualityWriterTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonNode issues = JSON.readTree(ReportFixtures.render(ReportFormat.GITLAB, ReportFixtures.report()));

    @Test
    void writesAnArrayOfIssuesWithTheFieldsGitlabRequires() {
        assertThat(issues.isArray()).isTrue();
        assertThat(issues.size()).isEqualTo(4);
        for (JsonNode issue : issues) {
            assertThat(issue.get("description").isString()).isTrue();
            assertThat(issue.get("check_name").isString()).isTrue();
            assertThat(issue.get("fingerprint").asString()).matches("[0-9a-f]{32}");
            assertThat(issue.get("severity").asString()).isIn("info", "minor", "major", "critical", "blocker");
            assertThat(issue.get("location").get("path").asString()).startsWith("configuration/");
            assertThat(issue.get("location").get("lines").get("begin").isInt()).isTrue();
            assertThat(issue.get("location").get("lines").get("begin").asInt()).isPositive();
        }
    }

    @Test
    void mapsSeverities() {
        assertThat(issues).extracting(i -> i.get("check_name").asString() + "=" + i.get("severity").asString())
                .containsExactly("required-key=minor", "plaintext-secret=critical", "deprecated-key=info",
                        "port-range=major");
    }

    @Test
    void usesRepositoryPathsAndLineOneForFileLevelFindings() {
        JsonNode fileLevel = issues.get(0).get("location");
        JsonNode secret = issues.get(1);

        assertThat(fileLevel.get("path").asString()).isEqualTo(ReportFixtures.PRODUCTION_FILE);
        assertThat(fileLevel.get("lines").get("begin").asInt()).isEqualTo(1);
        assertThat(secret.get("location").get("lines").get("begin").asInt()).isEqualTo(12);
        assertThat(secret.get("description").asString())
                .isEqualTo("[production] " + ReportFixtures.NASTY + "\nFix: " + ReportFixtures.FIX);
    }

    @Test
    void fingerprintsAreUniqueAndStable() {
        JsonNode again = JSON.readTree(ReportFixtures.render(ReportFormat.GITLAB, ReportFixtures.report()));
        Set<String> prints = new HashSet<>();
        for (int i = 0; i < issues.size(); i++) {
            prints.add(issues.get(i).get("fingerprint").asString());
            assertThat(again.get(i).get("fingerprint").asString()).isEqualTo(issues.get(i).get("fingerprint").asString());
        }
        assertThat(prints).hasSize(issues.size());
    }

    @Test
    void keepsFingerprintsUniqueWhenTwoFindingsLookAlike() {
        var f = ReportFixtures.portInStaging();
        var g = new io.configcicd.core.validate.Finding(f.ruleId(), f.severity(), f.environment(), f.path(), f.origin(),
                "another message at the same place", f.fix());
        Report twins = Report.of("1", "validate", "configuration/", List.of("staging"), List.of(f, g));

        JsonNode out = JSON.readTree(ReportFixtures.render(ReportFormat.GITLAB, twins));

        assertThat(out.get(0).get("fingerprint").asString()).isNotEqualTo(out.get(1).get("fingerprint").asString());
    }

    @Test
    void writesAnEmptyArrayWhenNothingIsWrong() {
        assertThat(ReportFixtures.render(ReportFormat.GITLAB, ReportFixtures.clean()).trim()).isEqualTo("[ ]");
    }
}
