package io.configcicd.core.impact;

import io.configcicd.core.model.RiskLevel;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.model.ConfigPath;
import org.junit.jupiter.api.Test;

class RiskRulesTest {

    private final RiskRules defaults = RiskRules.defaults();

    private RiskLevel level(String path) {
        return defaults.ruleFor(ConfigPath.parse(path)).level();
    }

    @Test
    void builtInRulesClassifyTheUsualSettings() {
        assertThat(level("security.encryption.algorithm")).isEqualTo(RiskLevel.CRITICAL);
        assertThat(level("services.api.auth.mode")).isEqualTo(RiskLevel.CRITICAL);
        assertThat(level("alita.encryption_key_id")).isEqualTo(RiskLevel.CRITICAL);
        assertThat(level("services.api.port")).isEqualTo(RiskLevel.HIGH);
        assertThat(level("services.api.base_url")).isEqualTo(RiskLevel.HIGH);
        assertThat(level("services.cache.redis_host")).isEqualTo(RiskLevel.HIGH);
        assertThat(level("features.new_planner")).isEqualTo(RiskLevel.MEDIUM);
        assertThat(level("services.api.max_retries")).isEqualTo(RiskLevel.MEDIUM);
        assertThat(level("models.default_model")).isEqualTo(RiskLevel.MEDIUM);
        assertThat(level("logging.level")).isEqualTo(RiskLevel.LOW);
        assertThat(level("metadata.owner")).isEqualTo(RiskLevel.LOW);
        assertThat(level("services.api.tags.team")).isEqualTo(RiskLevel.LOW);
    }

    @Test
    void theMoreSpecificRuleWinsAndUnmatchedPathsGetTheDefaultLevel() {
        assertThat(level("database.connect_timeout")).isEqualTo(RiskLevel.HIGH);
        assertThat(level("security.logging.level")).isEqualTo(RiskLevel.CRITICAL);
        assertThat(defaults.ruleFor(ConfigPath.parse("kgot.depth")).reason()).contains("no risk rule matches");
        assertThat(level("kgot.depth")).isEqualTo(RiskLevel.MEDIUM);
    }

    @Test
    void everyChangeRecommendsSmokeAndSectionsAddTheirSuites() {
        assertThat(defaults.testsFor(ConfigPath.parse("metadata.owner"))).containsExactly("smoke");
        assertThat(defaults.testsFor(ConfigPath.parse("database.pool_size")))
                .containsExactly("connectivity", "database-migration", "smoke");
    }
}
