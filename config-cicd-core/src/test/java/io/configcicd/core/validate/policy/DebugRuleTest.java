package io.configcicd.core.validate.policy;

import static io.configcicd.core.validate.policy.PolicyFixtures.inDevelopment;
import static io.configcicd.core.validate.policy.PolicyFixtures.context;
import static io.configcicd.core.validate.policy.PolicyFixtures.inProduction;
import static io.configcicd.core.validate.policy.PolicyFixtures.production;
import static io.configcicd.core.validate.policy.PolicyFixtures.run;
import static io.configcicd.core.validate.policy.PolicyFixtures.where;
import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Origin;
import io.configcicd.core.model.Severity;
import io.configcicd.core.validate.Finding;
import io.configcicd.core.validate.Fix;
import io.configcicd.core.model.PathGlob;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class DebugRuleTest {

    private static final String DEBUGGING = """
            services:
              manager_agent:
                debug: true
              kgot_service:
                debug: false
            kgot:
              debug_mode: true
              debug_level: 3
            features:
              debug_ui: true
            """;

    private final DebugRule rule =
            new DebugRule(SecurityPolicy.DEFAULT_DEBUG_PATHS.stream().map(PathGlob::parse).toList());

    @Test
    void everyDebugSwitchThatIsOnInProductionIsReportedOnceAtItsOrigin() {
        List<Finding> findings = inProduction(rule, DEBUGGING);

        assertThat(findings).extracting(f -> f.path() + " " + where(f)).containsExactly(
                "services.manager_agent.debug global/base.yaml:3:12",
                "kgot.debug_mode global/base.yaml:7:15",
                "features.debug_ui global/base.yaml:10:13");
        assertThat(findings).allSatisfy(f -> {
            assertThat(f.ruleId()).isEqualTo("security.debug");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
        });
    }

    @Test
    void fixTurnsItOffInTheProductionOverride() {
        Finding first = inProduction(rule, DEBUGGING).get(0);

        assertThat(first.message()).isEqualTo("debug is on at services.manager_agent.debug in protected "
                + "environment production");
        Fix fix = first.fix().orElseThrow();
        assertThat(fix.document()).isEqualTo(Fix.Document.ENVIRONMENT);
        assertThat(fix.path()).hasToString("services.manager_agent.debug");
        assertThat(fix.value().sameValue(ConfigScalar.bool(false, Origin.UNKNOWN))).isTrue();
        assertThat(fix.description()).isEqualTo("set services.manager_agent.debug to false in environments/production");
    }

    @ParameterizedTest
    @ValueSource(strings = {"yes", "Yes", "YES", "on", "On", "ON", "y", "Y", "yEs", "oN"})
    void anUnquotedYaml11TrueIsDebugOnWithTheExistingFix(String spelling) {
        List<Finding> findings = inProduction(rule, "services:\n  manager_agent:\n    debug: " + spelling
                + "\nkgot:\n  debug_mode: " + spelling + "\n");

        assertThat(findings).extracting(f -> f.path() + " " + where(f)).containsExactly(
                "services.manager_agent.debug global/base.yaml:3:12", "kgot.debug_mode global/base.yaml:5:15");
        assertThat(findings.get(0).message()).startsWith("debug is on at services.manager_agent.debug in protected "
                + "environment production (" + spelling + " is true to ");
        Fix fix = findings.get(0).fix().orElseThrow();
        assertThat(fix.document()).isEqualTo(Fix.Document.ENVIRONMENT);
        assertThat(fix.value().sameValue(ConfigScalar.bool(false, Origin.UNKNOWN))).isTrue();
        assertThat(fix.description()).isEqualTo("set services.manager_agent.debug to false in environments/production");
    }

    @Test
    void aYesInTheProductionOverrideOfAFalseInTheBaseIsDebugOnAtTheOverride() {
        List<Finding> findings = run(rule, context("production", production("debug: false\n", "debug: yes\n"), true));

        assertThat(findings).extracting(f -> f.path() + " " + where(f))
                .containsExactly("debug environments/production.yaml:1:8");
    }

    @Test
    void theMessageNamesTheReadersThatTakeTheSpellingForTrue() {
        assertThat(inProduction(rule, "debug: yes\n").get(0).message())
                .endsWith("(yes is true to YAML 1.1 readers (PyYAML, Go yaml.v2, SnakeYAML 1.x in older Spring Boot))");
        assertThat(inProduction(rule, "debug: y\n").get(0).message())
                .endsWith("(y is true to YAML 1.1 readers that know its full list of booleans (Go yaml.v2))");
        assertThat(inProduction(rule, "debug: yEs\n").get(0).message())
                .endsWith("(yEs is true to readers that ignore case (Spring's conversion of text to a boolean))");
    }

    @Test
    void aQuotedYesAndYaml11FalseAreNotDebugOn() {
        assertThat(inProduction(rule, "debug: \"yes\"\ndebug_mode: 'on'\ndebug_ui: off\ndebug_x: no\n"
                + "debug_y: n\ndebug_z: yesterday\n")).isEmpty();
    }

    @Test
    void developmentMayDebug() {
        assertThat(inDevelopment(rule, DEBUGGING)).isEmpty();
    }

    @Test
    void configuredPathsReplaceTheDefaults() {
        DebugRule narrow = new DebugRule(List.of(PathGlob.parse("features.debug_ui")));

        assertThat(inProduction(narrow, DEBUGGING)).extracting(f -> f.path().toString())
                .containsExactly("features.debug_ui");
    }
}
