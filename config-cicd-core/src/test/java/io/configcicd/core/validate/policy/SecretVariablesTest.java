package io.configcicd.core.validate.policy;

import static io.configcicd.core.validate.policy.PolicyFixtures.BASE;
import static io.configcicd.core.validate.policy.PolicyFixtures.PRODUCTION;
import static io.configcicd.core.validate.policy.PolicyFixtures.run;
import static io.configcicd.core.validate.policy.PolicyFixtures.yaml;
import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.merge.Merger;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.repo.Settings;
import io.configcicd.core.validate.Finding;
import io.configcicd.core.validate.RuleContext;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;

/** The variables that --fix moves plaintext secrets to: one per path, never one for two different paths. */
class SecretVariablesTest {

    private final PlaintextSecretRule rule = new PlaintextSecretRule(Settings.DEFAULT_SECRET_KEYS);

    /** Runs the rule over every environment (each with every environment visible), as a validation of all does. */
    private List<Finding> all(Map<String, ConfigMap> environments) {
        List<RuleContext> contexts = environments.entrySet().stream()
                .map(e -> new RuleContext(e.getKey(), e.getValue(), false, environments)).toList();
        return new io.configcicd.core.validate.ValidationEngine(List.of(rule)).run(contexts).findings();
    }

    /** path -> the variable its fix writes. */
    private static Map<String, String> variables(List<Finding> findings) {
        Map<String, String> out = new TreeMap<>();
        for (Finding f : findings) {
            String v = (String) ((ConfigScalar) f.fix().orElseThrow().value()).value();
            String before = out.put(f.path().toString(), v);
            assertThat(before == null || before.equals(v)).as("one variable per path: " + f.path()).isTrue();
        }
        return out;
    }

    private static Map<String, ConfigMap> only(String env, ConfigMap effective) {
        return Map.of(env, effective);
    }

    @Test
    void twoSecretsWithTheSameKeyGetVariablesNamedAfterWhatTellsThemApart() {
        ConfigMap base = yaml(BASE, """
                services:
                  orders:
                    db_password: orders-Secret-1
                  billing:
                    db_password: billing-Secret-2
                """);

        Map<String, String> v = variables(all(only("production", base)));

        assertThat(v).containsExactly(Map.entry("services.billing.db_password", "${BILLING_DB_PASSWORD}"),
                Map.entry("services.orders.db_password", "${ORDERS_DB_PASSWORD}"));
    }

    @Test
    void aSecretAloneWithItsKeyKeepsTheShortName() {
        ConfigMap base = yaml(BASE, "services:\n  orders:\n    db_password: orders-Secret-1\n");

        assertThat(variables(all(only("production", base))))
                .containsExactly(Map.entry("services.orders.db_password", "${DB_PASSWORD}"));
    }

    @Test
    void aVariableThatAnotherPathAlreadyUsesIsNotTakenOver() {
        ConfigMap base = yaml(BASE, """
                database:
                  db_password: ${DB_PASSWORD}
                services:
                  orders:
                    db_password: orders-Secret-1
                """);

        assertThat(variables(all(only("production", base))))
                .containsExactly(Map.entry("services.orders.db_password", "${ORDERS_DB_PASSWORD}"));
    }

    @Test
    void theSameKeyInTwoEnvironmentsOnlyStillGetsDistinctNames() {
        Map<String, ConfigMap> envs = new LinkedHashMap<>();
        envs.put("development", Merger.merge(List.of(yaml(BASE, "a: 1\n"),
                yaml("environments/development.yaml", "services:\n  orders:\n    db_password: dev-Orders-1\n"))));
        envs.put("production", Merger.merge(List.of(yaml(BASE, "a: 1\n"),
                yaml(PRODUCTION, "services:\n  billing:\n    db_password: prod-Billing-2\n"))));

        assertThat(variables(all(envs))).containsExactly(
                Map.entry("services.billing.db_password", "${BILLING_DB_PASSWORD}"),
                Map.entry("services.orders.db_password", "${ORDERS_DB_PASSWORD}"));
    }

    @Test
    void onePathKeepsOneVariableInEveryEnvironmentAndFile() {
        Map<String, ConfigMap> envs = new LinkedHashMap<>();
        envs.put("development", Merger.merge(List.of(yaml(BASE, "services:\n  orders:\n    db_password: base-Pw-1\n"))));
        envs.put("production", Merger.merge(List.of(yaml(BASE, "services:\n  orders:\n    db_password: base-Pw-1\n"),
                yaml(PRODUCTION, "services:\n  orders:\n    db_password: prod-Pw-2\n"))));

        List<Finding> findings = all(envs);

        assertThat(findings).hasSize(3);
        assertThat(variables(findings)).containsExactly(Map.entry("services.orders.db_password", "${DB_PASSWORD}"));
    }

    @Test
    void aPathThatAnotherFileAlreadyMovedToAVariableReusesIt() {
        Map<String, ConfigMap> envs = new LinkedHashMap<>();
        envs.put("development", Merger.merge(List.of(yaml(BASE, "a: 1\n"), yaml("environments/development.yaml",
                "services:\n  orders:\n    db_password: ${ORDERS_DB_PASSWORD}\n"))));
        envs.put("production", Merger.merge(List.of(yaml(BASE, "a: 1\n"),
                yaml(PRODUCTION, "services:\n  orders:\n    db_password: prod-Pw-2\n"))));

        assertThat(variables(all(envs)))
                .containsExactly(Map.entry("services.orders.db_password", "${ORDERS_DB_PASSWORD}"));
    }

    @Test
    void pathsThatSpellTheSameNameInFullAreNumbered() {
        ConfigMap base = yaml(BASE, "services:\n  orders:\n    dbPassword: one-Secret-1\n    db_password: two-Secret-2\n");

        assertThat(variables(all(only("production", base)))).containsExactly(
                Map.entry("services.orders.dbPassword", "${SERVICES_ORDERS_DB_PASSWORD}"),
                Map.entry("services.orders.db_password", "${SERVICES_ORDERS_DB_PASSWORD_2}"));
    }

    @Test
    void oneContextAloneSeesTheSameNamesAsAllOfThem() {
        ConfigMap base = yaml(BASE, "services:\n  orders:\n    db_password: o-1\n  billing:\n    db_password: b-2\n");

        assertThat(variables(run(rule, new RuleContext("production", base, true, only("production", base)))))
                .containsEntry("services.orders.db_password", "${ORDERS_DB_PASSWORD}");
    }
}
