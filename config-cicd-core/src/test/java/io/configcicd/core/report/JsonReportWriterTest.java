package io.configcicd.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonReportWriterTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonNode root = JSON.readTree(ReportFixtures.render(ReportFormat.JSON, ReportFixtures.report()));

    @Test
    void describesTheRunAndSummarisesCounts() {
        assertThat(root.get("tool").asString()).isEqualTo("config-cicd");
        assertThat(root.get("version").asString()).isEqualTo("1.2.3");
        assertThat(root.get("command").asString()).isEqualTo("validate");
        assertThat(root.get("environments").isArray()).isTrue();
        assertThat(root.get("environments")).extracting(JsonNode::asString)
                .containsExactly("production", "staging", "development");
        JsonNode summary = root.get("summary");
        assertThat(summary.get("critical").isInt()).isTrue();
        assertThat(summary.get("critical").asInt()).isEqualTo(1);
        assertThat(summary.get("error").asInt()).isEqualTo(1);
        assertThat(summary.get("warning").asInt()).isEqualTo(1);
        assertThat(summary.get("info").asInt()).isEqualTo(1);
        assertThat(summary.get("highest").asString()).isEqualTo("critical");
    }

    @Test
    void writesEveryFindingWithTypedFieldsAndRepositoryPaths() {
        JsonNode findings = root.get("findings");
        assertThat(findings.size()).isEqualTo(4);
        assertThat(findings.get(3).get("environment").asString()).isEqualTo("production, staging");
        assertThat(findings.get(3).get("environments")).extracting(JsonNode::asString)
                .containsExactly("production", "staging");
        for (JsonNode f : findings) {
            for (String field : new String[] {"rule", "severity", "environment", "path", "file", "message"}) {
                assertThat(f.get(field).isString()).as(field).isTrue();
            }
            assertThat(f.get("line").isInt()).isTrue();
            assertThat(f.get("column").isInt()).isTrue();
            assertThat(f.get("file").asString()).startsWith("configuration/");
        }
        JsonNode fileLevel = findings.get(0);
        assertThat(fileLevel.get("file").asString()).isEqualTo(ReportFixtures.PRODUCTION_FILE);
        assertThat(fileLevel.get("line").asInt()).isZero();
        assertThat(fileLevel.has("fix")).isFalse();
    }

    @Test
    void keepsMessagesAndFixesExactlyAfterEscaping() {
        JsonNode secret = root.get("findings").get(1);

        assertThat(secret.get("rule").asString()).isEqualTo("plaintext-secret");
        assertThat(secret.get("severity").asString()).isEqualTo("critical");
        assertThat(secret.get("path").asString()).isEqualTo("security.api_key");
        assertThat(secret.get("message").asString()).isEqualTo(ReportFixtures.NASTY);
        assertThat(secret.get("fix").get("description").asString()).isEqualTo(ReportFixtures.FIX);
        assertThat(secret.get("fix").get("path").asString()).isEqualTo("security.api_key");
    }

    @Test
    void writesAnEmptyFindingsListWhenNothingIsWrong() {
        JsonNode clean = JSON.readTree(ReportFixtures.render(ReportFormat.JSON, ReportFixtures.clean()));

        assertThat(clean.get("findings").isArray()).isTrue();
        assertThat(clean.get("findings").size()).isZero();
        assertThat(clean.get("summary").get("highest").isNull()).isTrue();
    }
}
