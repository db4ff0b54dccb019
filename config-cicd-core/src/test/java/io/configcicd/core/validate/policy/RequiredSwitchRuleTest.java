package io.configcicd.core.validate.policy;

import static io.configcicd.core.validate.policy.PolicyFixtures.context;
import static io.configcicd.core.validate.policy.PolicyFixtures.inDevelopment;
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

class RequiredSwitchRuleTest {

    private final RequiredSwitchRule authentication = rule(SecurityPolicy.AUTHENTICATION, "authentication",
            SecurityPolicy.DEFAULT_AUTHENTICATION_PATHS);
    private final RequiredSwitchRule encryption = rule(SecurityPolicy.ENCRYPTION, "encryption",
            SecurityPolicy.DEFAULT_ENCRYPTION_PATHS);

    private static RequiredSwitchRule rule(String id, String topic, List<String> paths) {
        return new RequiredSwitchRule(id, topic, paths.stream().map(PathGlob::parse).toList());
    }

    @Test
    void authenticationSwitchedOffInProductionIsAnErrorAtItsOriginWithAFixForProductionAlone() {
        List<Finding> findings = inProduction(authentication, """
                security:
                  authentication:
                    enabled: false
                """);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("security.authentication");
            assertThat(f.severity()).isEqualTo(Severity.ERROR);
            assertThat(where(f)).isEqualTo("global/base.yaml:3:14");
            assertThat(f.message()).isEqualTo("authentication is switched off at security.authentication.enabled "
                    + "in protected environment production");
            Fix fix = f.fix().orElseThrow();
            assertThat(fix.document()).isEqualTo(Fix.Document.ENVIRONMENT);
            assertThat(fix.path()).hasToString("security.authentication.enabled");
            assertThat(fix.value().sameValue(ConfigScalar.bool(true, Origin.UNKNOWN))).isTrue();
            assertThat(fix.description()).isEqualTo("set security.authentication.enabled to true in "
                    + "environments/production");
        });
    }

    @Test
    void unprotectedEnvironmentsMayTurnAuthenticationOff() {
        assertThat(inDevelopment(authentication, "security:\n  authentication:\n    enabled: false\n")).isEmpty();
    }

    @Test
    void productionOverrideThatTurnsItOnSatisfiesTheRule() {
        String base = "security:\n  authentication:\n    enabled: false\n";

        assertThat(run(authentication, context("production", production(base,
                "security:\n  authentication:\n    enabled: true\n"), true))).isEmpty();
        assertThat(run(authentication, context("production", production(base, "kgot: {}\n"), true)))
                .extracting(PolicyFixtures::where).containsExactly("global/base.yaml:3:14");
    }

    @Test
    void everySwitchTheGlobsFindIsCheckedIncludingNestedServices() {
        List<Finding> findings = inProduction(authentication, """
                security:
                  authentication:
                    enabled: true
                services:
                  metrics:
                    auth_enabled: false
                  admin:
                    authentication_required: false
                """);

        assertThat(findings).extracting(f -> f.path().toString())
                .containsExactly("services.metrics.auth_enabled", "services.admin.authentication_required");
    }

    @Test
    void anUnquotedYaml11OffIsSwitchedOffWithTheFixAndAnUnquotedYesIsOn() {
        List<Finding> findings = inProduction(authentication, """
                security:
                  authentication:
                    enabled: off
                  auth:
                    enabled: yes
                """);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(where(f)).isEqualTo("global/base.yaml:3:14");
            assertThat(f.message()).isEqualTo("authentication is switched off at security.authentication.enabled "
                    + "in protected environment production (off is false to YAML 1.1 readers (PyYAML, Go yaml.v2, "
                    + "SnakeYAML 1.x in older Spring Boot))");
            assertThat(f.fix().orElseThrow().value().sameValue(ConfigScalar.bool(true, Origin.UNKNOWN))).isTrue();
        });
        assertThat(inProduction(encryption, "tls:\n  enabled: No\n")).singleElement()
                .satisfies(f -> assertThat(f.message()).startsWith("encryption is switched off at tls.enabled"));
        assertThat(inProduction(encryption, "tls:\n  enabled: ON\n")).isEmpty();
    }

    @Test
    void aSwitchHoldingAnIntegerSaysSoWithTheRightArticle() {
        List<Finding> findings = inProduction(encryption, "tls:\n  enabled: 1\n");

        assertThat(findings).singleElement().satisfies(f -> assertThat(f.message())
                .endsWith("must be true or false (it switches encryption in protected environment production), found"
                        + " an integer"));
    }

    @Test
    void aSwitchThatIsNotABooleanIsReportedWithoutAFix() {
        List<Finding> findings = inProduction(authentication, """
                security:
                  auth:
                    enabled: "yes"
                """);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(where(f)).isEqualTo("global/base.yaml:3:14");
            assertThat(f.message()).isEqualTo("security.auth.enabled must be true or false (it switches "
                    + "authentication in protected environment production), found a string");
            assertThat(f.fix()).isEmpty();
        });
    }

    @Test
    void noAuthenticationSettingAtAllIsReportedOnceWithTheGlobsItLookedFor() {
        List<Finding> findings = inProduction(authentication, "services:\n  api:\n    port: 8080\n");

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.path().isRoot()).isTrue();
            assertThat(f.origin()).isEqualTo(Origin.UNKNOWN);
            assertThat(f.message()).isEqualTo("production is protected but no authentication setting was found "
                    + "(looked for **.authentication.enabled, **.authentication_required, **.auth.enabled, "
                    + "**.auth_enabled)");
            assertThat(f.fix()).as("the default globs name no concrete path to set").isEmpty();
        });
        assertThat(inDevelopment(authentication, "services: {}\n")).isEmpty();
    }

    @Test
    void whenTheFirstPathIsConcreteTheMissingSettingGetsAFix() {
        RequiredSwitchRule concrete = rule(SecurityPolicy.AUTHENTICATION, "authentication",
                List.of("security.login.enabled", "**.auth.enabled"));

        List<Finding> findings = inProduction(concrete, "services: {}\n");

        Fix fix = findings.get(0).fix().orElseThrow();
        assertThat(fix.path()).hasToString("security.login.enabled");
        assertThat(fix.document()).isEqualTo(Fix.Document.ENVIRONMENT);
        assertThat(fix.value().sameValue(ConfigScalar.bool(true, Origin.UNKNOWN))).isTrue();
    }

    @Test
    void encryptionSharesTheCheckUnderItsOwnId() {
        List<Finding> findings = inProduction(encryption, """
                security:
                  encryption:
                    enabled: true
                database:
                  tls:
                    enabled: false
                """);

        assertThat(findings).singleElement().satisfies(f -> {
            assertThat(f.ruleId()).isEqualTo("security.encryption");
            assertThat(f.path()).hasToString("database.tls.enabled");
            assertThat(where(f)).isEqualTo("global/base.yaml:6:14");
            assertThat(f.message()).startsWith("encryption is switched off at database.tls.enabled");
        });
    }
}
