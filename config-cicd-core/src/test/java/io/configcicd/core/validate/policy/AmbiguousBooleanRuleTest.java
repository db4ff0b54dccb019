package io.configcicd.core.validate.policy;

import static io.configcicd.core.validate.policy.PolicyFixtures.context;
import static io.configcicd.core.validate.policy.PolicyFixtures.inDevelopment;
import static io.configcicd.core.validate.policy.PolicyFixtures.production;
import static io.configcicd.core.validate.policy.PolicyFixtures.run;
import static io.configcicd.core.validate.policy.PolicyFixtures.where;
import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.Format;
import io.configcicd.core.model.Severity;
import io.configcicd.core.repo.Codecs;
import io.configcicd.core.repo.Settings;
import io.configcicd.core.validate.Finding;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class AmbiguousBooleanRuleTest {

    private final AmbiguousBooleanRule rule = new AmbiguousBooleanRule(Settings.defaults().secretKeys());

    private static ConfigMap parse(Format format, String file, String text) {
        return (ConfigMap) Codecs.standard().of(format).parse(text.getBytes(StandardCharsets.UTF_8), file,
                LoadLimits.DEFAULT);
    }

    @Test
    void anUnquotedYaml11BooleanAnywhereIsAWarningAtItsOriginThatSaysWhatEachReaderMakesOfItAndTheWayOut() {
        List<Finding> findings = inDevelopment(rule, """
                notifications:
                  email: yes
                """);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("yaml.ambiguous-boolean");
            assertThat(f.severity()).isEqualTo(Severity.WARNING);
            assertThat(where(f)).isEqualTo("global/base.yaml:2:10");
            assertThat(f.path()).hasToString("notifications.email");
            assertThat(f.message()).isEqualTo("ambiguous boolean at notifications.email: yes is the string \"yes\" "
                    + "to YAML 1.2 readers such as config-cicd, but true to YAML 1.1 readers (PyYAML, Go yaml.v2,"
                    + " SnakeYAML 1.x in older Spring Boot); write true if a boolean is meant, or quote it (\"yes\") if"
                    + " a string is meant");
            assertThat(f.fix()).as("only the author knows which was meant").isEmpty();
        });
    }

    @Test
    void everySpellingInAnyCaseIsFoundInMappingsAndLists() {
        List<Finding> findings = inDevelopment(rule, """
                country: NO
                switches: [on, Off, y, N, yEs]
                """);

        assertThat(findings).extracting(f -> f.path() + " " + where(f)).containsExactly(
                "country global/base.yaml:1:10", "switches[0] global/base.yaml:2:12",
                "switches[1] global/base.yaml:2:16", "switches[2] global/base.yaml:2:21",
                "switches[3] global/base.yaml:2:24", "switches[4] global/base.yaml:2:27");
        assertThat(findings.get(0).message()).contains("but false to YAML 1.1 readers", "write false if a boolean");
    }

    @Test
    void quotedStringsRealBooleansAndOtherWordsAreNotAmbiguous() {
        assertThat(inDevelopment(rule, """
                a: "yes"
                b: 'off'
                c: true
                d: False
                e: yesterday
                f: none
                g: |
                  yes
                """)).isEmpty();
    }

    @Test
    void stringsOfJsonAndTomlAreStringsForEveryReader() {
        ConfigMap json = parse(Format.JSON, "global/a.json", "{\"debug\": \"yes\", \"tls\": \"off\"}");
        ConfigMap toml = parse(Format.TOML, "global/b.toml", "debug = \"yes\"\ntls = 'off'\n");

        assertThat(run(rule, context("development", json, false))).isEmpty();
        assertThat(run(rule, context("development", toml, false))).isEmpty();
    }

    @Test
    void aValueThatAnOverrideReplacedIsStillReportedInTheFileThatHoldsIt() {
        ConfigMap effective = production("debug: on\nname: svc\n", "debug: false\n");

        assertThat(run(rule, context("production", effective, true))).singleElement().satisfies(f -> {
            assertThat(where(f)).isEqualTo("global/base.yaml:1:8");
            assertThat(f.message()).startsWith("ambiguous boolean at debug (overridden at environments/production.yaml"
                    + ":1:8, but still written here): on is the string");
        });
    }

    @Test
    void valuesUnderSecretKeysAreLeftToThePlaintextSecretRule() {
        assertThat(inDevelopment(rule, "db:\n  password: yes\n  api_token: n\n")).isEmpty();
    }
}
