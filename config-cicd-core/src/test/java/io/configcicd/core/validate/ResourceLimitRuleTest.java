package io.configcicd.core.validate;

import static io.configcicd.core.validate.RuleFixtures.messages;
import static io.configcicd.core.validate.RuleFixtures.run;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class ResourceLimitRuleTest {

    private static final String CONFIG = """
            resources:
              manager_agent: {memory: 512Mi, cpu: 500m}
              web: {memory: 3Gi, cpu: 2}
              worker: {memory: 1GB, cpu: "1.5"}
              batch: {memory: lots, cpu: 0.1}
            """;

    @Test
    void memoryAboveTheMaximumIsReportedWithItsValue() {
        ValidationResult result = run("""
                rules:
                  - {id: memory, type: resource-limit, path: resources.*.memory, max: 2Gi, min: 256Mi}
                """, CONFIG);

        assertThat(result.findings()).extracting(f -> f.path().toString(), f -> f.origin().line())
                .containsExactly(org.assertj.core.groups.Tuple.tuple("resources.web.memory", 3),
                        org.assertj.core.groups.Tuple.tuple("resources.batch.memory", 5));
        assertThat(messages(result)).containsExactly(
                "resources.web.memory: '3Gi' is above the maximum 2Gi",
                "resources.batch.memory: 'lots' is not a resource quantity (write for example 512Mi, 1GB, 1.5 or 500m)");
    }

    @Test
    void cpuComparesMilliAndWholeCores() {
        ValidationResult result = run("""
                rules:
                  - {id: cpu, type: resource-limit, path: resources.*.cpu, min: 250m, max: 1.5}
                """, CONFIG);

        assertThat(messages(result)).containsExactly(
                "resources.web.cpu: 2 is above the maximum 1.5",
                "resources.batch.cpu: 0.1 is below the minimum 250m");
    }

    @Test
    void valuesWithinLimitsPass() {
        assertThat(run("""
                rules:
                  - {id: memory, type: resource-limit, path: resources.manager_agent.memory, max: 1G}
                  - {id: worker, type: resource-limit, path: resources.worker.memory, max: 1GB, min: 1GB}
                """, CONFIG).isClean()).isTrue();
    }
}
