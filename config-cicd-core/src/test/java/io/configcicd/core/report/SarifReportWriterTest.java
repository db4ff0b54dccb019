package io.configcicd.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class SarifReportWriterTest {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final JsonNode root = JSON.readTree(ReportFixtures.render(ReportFormat.SARIF, ReportFixtures.report()));
    private final JsonNode run = root.get("runs").get(0);

    @Test
    void declaresSchemaVersionAndDriver() {
        assertThat(root.get("$schema").asString()).isEqualTo("https://json.schemastore.org/sarif-2.1.0.json");
        assertThat(root.get("version").asString()).isEqualTo("2.1.0");
        assertThat(root.get("runs").size()).isEqualTo(1);
        JsonNode driver = run.get("tool").get("driver");
        assertThat(driver.get("name").asString()).isEqualTo("config-cicd");
        assertThat(driver.get("version").asString()).isEqualTo("1.2.3");
        assertThat(driver.has("informationUri")).as("no made-up project address").isFalse();
    }

    @Test
    void describesEachRuleOnceWithItsLevel() {
        JsonNode rules = run.get("tool").get("driver").get("rules");

        assertThat(rules).extracting(r -> r.get("id").asString())
                .containsExactly("deprecated-key", "plaintext-secret", "port-range", "required-key");
        for (JsonNode rule : rules) {
            assertThat(rule.get("shortDescription").get("text").isString()).isTrue();
            assertThat(rule.get("defaultConfiguration").get("level").asString()).isIn("error", "warning", "note");
        }
        assertThat(rules.get(0).get("defaultConfiguration").get("level").asString()).isEqualTo("note");
    }

    @Test
    void pointsEveryResultAtItsRule() {
        JsonNode rules = run.get("tool").get("driver").get("rules");
        JsonNode results = run.get("results");

        assertThat(results.size()).isEqualTo(4);
        for (JsonNode result : results) {
            assertThat(result.get("ruleIndex").isInt()).isTrue();
            assertThat(rules.get(result.get("ruleIndex").asInt()).get("id").asString())
                    .isEqualTo(result.get("ruleId").asString());
            assertThat(result.get("message").get("text").isString()).isTrue();
            assertThat(result.get("properties").get("environment").isString()).isTrue();
        }
    }

    @Test
    void mapsSeveritiesToLevels() {
        assertThat(run.get("results")).extracting(r -> r.get("ruleId").asString() + "=" + r.get("level").asString())
                .containsExactly("required-key=warning", "plaintext-secret=error", "deprecated-key=note",
                        "port-range=error");
        JsonNode shared = run.get("results").get(3).get("properties");
        assertThat(shared.get("environment").asString()).isEqualTo("production, staging");
        assertThat(shared.get("environments")).extracting(JsonNode::asString).containsExactly("production", "staging");
    }

    @Test
    void givesRepositoryRelativeLocationsAndARegionOnlyForKnownLines() {
        JsonNode fileLevel = location(run.get("results").get(0));
        JsonNode secret = location(run.get("results").get(1));

        assertThat(fileLevel.get("artifactLocation").get("uri").asString()).isEqualTo(ReportFixtures.PRODUCTION_FILE);
        assertThat(fileLevel.has("region")).isFalse();
        assertThat(secret.get("artifactLocation").get("uri").asString()).isEqualTo(ReportFixtures.PRODUCTION_FILE);
        assertThat(secret.get("region").get("startLine").asInt()).isEqualTo(12);
        assertThat(secret.get("region").get("startColumn").asInt()).isEqualTo(5);
    }

    @Test
    void putsTheFixInTheMessageAndKeepsTextExact() {
        JsonNode secret = run.get("results").get(1);

        assertThat(secret.get("message").get("text").asString())
                .isEqualTo(ReportFixtures.NASTY + "\nFix: " + ReportFixtures.FIX);
        assertThat(secret.has("fixes")).isFalse();
        assertThat(secret.get("properties").get("environment").asString()).isEqualTo("production");
    }

    @Test
    void fingerprintsAreStableAndUnique() {
        JsonNode again = JSON.readTree(ReportFixtures.render(ReportFormat.SARIF, ReportFixtures.report()));
        Set<String> prints = new HashSet<>();
        JsonNode results = run.get("results");
        for (int i = 0; i < results.size(); i++) {
            String print = results.get(i).get("partialFingerprints").get(SarifReportWriter.FINGERPRINT).asString();
            assertThat(print).matches("[0-9a-f]{64}");
            assertThat(again.get("runs").get(0).get("results").get(i).get("partialFingerprints")
                    .get(SarifReportWriter.FINGERPRINT).asString()).isEqualTo(print);
            prints.add(print);
        }
        assertThat(prints).hasSize(4);
    }

    @Test
    void encodesUnusualCharactersInUris() {
        assertThat(SarifReportWriter.uri("configuration/global/my file%.yaml"))
                .isEqualTo("configuration/global/my%20file%25.yaml");
    }

    private static JsonNode location(JsonNode result) {
        assertThat(result.get("locations").size()).isEqualTo(1);
        return result.get("locations").get(0).get("physicalLocation");
    }
}
