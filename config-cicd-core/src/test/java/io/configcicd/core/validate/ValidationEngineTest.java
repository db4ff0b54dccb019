package io.configcicd.core.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.Origin;
import io.configcicd.core.model.Severity;
import io.configcicd.core.validate.rules.DeclaredRules;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

class ValidationEngineTest {

    private static final ConfigMap BASE = RuleFixtures.yaml(RuleFixtures.BASE, """
            kgot:
              reasoning_depth: 42
            services:
              web: {port: 80}
            """);

    /** A rule given by a function, with a fixed default severity. */
    private record FnRule(String id, Severity defaultSeverity, Function<RuleContext, List<Violation>> fn)
            implements ValidationRule {
        @Override
        public List<Violation> check(RuleContext context) {
            return fn.apply(context);
        }
    }

    private static FnRule reporting(String id, Severity severity, String file, int line) {
        return new FnRule(id, severity, ctx -> List.of(Violation.of(ConfigPath.parse("kgot.reasoning_depth"),
                Origin.of(file, line, 1), id + " in " + ctx.environment())));
    }

    private static List<RuleContext> contexts(String... envs) {
        Map<String, ConfigMap> all = new LinkedHashMap<>();
        for (String e : envs) {
            all.put(e, BASE);
        }
        return ValidationEngine.contexts(all, "production"::equals);
    }

    @Test
    void findingsAreSortedByEnvironmentFileAndLine() {
        ValidationEngine engine = new ValidationEngine()
                .add(reporting("b", Severity.WARNING, "global/z.yaml", 1))
                .add(reporting("a", Severity.ERROR, "global/base.yaml", 9))
                .add(reporting("c", Severity.INFO, "global/base.yaml", 2));

        ValidationResult result = engine.run(contexts("staging", "development"));

        assertThat(result.findings()).extracting(f -> f.environment() + " " + f.origin())
                .containsExactly("development global/base.yaml:2:1", "development global/base.yaml:9:1",
                        "development global/z.yaml:1:1", "staging global/base.yaml:2:1",
                        "staging global/base.yaml:9:1", "staging global/z.yaml:1:1");
    }

    @Test
    void countsAndFailOnFollowSeverities() {
        ValidationResult result = new ValidationEngine()
                .add(reporting("warn", Severity.WARNING, "global/base.yaml", 2))
                .add(reporting("info", Severity.INFO, "global/base.yaml", 3))
                .run(contexts("development"));

        assertThat(result.counts()).containsEntry(Severity.WARNING, 1).containsEntry(Severity.INFO, 1)
                .containsEntry(Severity.ERROR, 0).containsEntry(Severity.CRITICAL, 0);
        assertThat(result.failed()).isFalse();
        assertThat(result.failed(Severity.WARNING)).isTrue();
        assertThat(result.failed(Severity.INFO)).isTrue();
        assertThat(ValidationResult.empty().failed(Severity.INFO)).isFalse();
    }

    @Test
    void severityOverridesReplaceTheRuleDefault() {
        ValidationEngine engine = new ValidationEngine()
                .add(reporting("depth", Severity.WARNING, "global/base.yaml", 2))
                .overrideSeverity("depth", Severity.CRITICAL);

        ValidationResult result = engine.run(contexts("development"));

        assertThat(result.findings()).singleElement().extracting(Finding::severity).isEqualTo(Severity.CRITICAL);
        assertThat(result.failed()).isTrue();
    }

    @Test
    void declaredEnvironmentsLimitWhereARuleRuns() {
        ValidationEngine engine = new ValidationEngine(DeclaredRules.from(RuleFixtures.settings("""
                rules:
                  - {id: depth, type: range, path: kgot.reasoning_depth, max: 10, environments: ["prod*", qa]}
                  - {id: ports, type: range, path: services.*.port, min: 1024, severity: warning}
                """)));

        ValidationResult result = engine.run(contexts("development", "production", "qa"));

        assertThat(result.forRule("depth")).extracting(Finding::environment).containsExactly("production", "qa");
        assertThat(result.forRule("ports")).extracting(Finding::environment)
                .containsExactly("development", "production", "qa");
        assertThat(result.count(Severity.ERROR)).isEqualTo(2);
        assertThat(result.count(Severity.WARNING)).isEqualTo(3);
    }

    @Test
    void programmaticEnvironmentFilter() {
        ValidationResult result = new ValidationEngine()
                .add(reporting("prod-only", Severity.ERROR, "global/base.yaml", 2),
                        EnvironmentFilter.of(List.of("production")))
                .run(contexts("development", "production"));

        assertThat(result.findings()).extracting(Finding::environment).containsExactly("production");
    }

    @Test
    void aRuleThatThrowsBecomesACriticalFindingAndTheOthersStillRun() {
        ValidationEngine engine = new ValidationEngine()
                .add(new FnRule("broken", Severity.INFO, ctx -> {
                    throw new IllegalStateException("cannot read kgot");
                }))
                .add(reporting("fine", Severity.WARNING, "global/base.yaml", 2))
                .overrideSeverity("broken", Severity.INFO);

        ValidationResult result = engine.run(contexts("development"));

        assertThat(result.forRule("broken")).singleElement().satisfies(f -> {
            assertThat(f.severity()).isEqualTo(Severity.CRITICAL);
            assertThat(f.environment()).isEqualTo("development");
            assertThat(f.message()).contains("broken").contains("cannot read kgot");
        });
        assertThat(result.forRule("fine")).hasSize(1);
        assertThat(result.failed(Severity.CRITICAL)).isTrue();
    }

    @Test
    void rulesAreAddedAndRemovedById() {
        ValidationEngine engine = new ValidationEngine().add(reporting("a", Severity.ERROR, "f.yaml", 1));

        assertThatThrownBy(() -> engine.add(reporting("a", Severity.ERROR, "f.yaml", 1)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'a'");
        assertThat(engine.remove("a")).isTrue();
        assertThat(engine.remove("a")).isFalse();
        assertThat(engine.rules()).isEmpty();
        assertThat(engine.run(contexts("development")).isClean()).isTrue();
    }

    @Test
    void contextsKnowWhichEnvironmentsAreProtected() {
        assertThat(contexts("development", "production")).extracting(RuleContext::isProtected)
                .containsExactly(false, true);
    }
}
