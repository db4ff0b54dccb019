package io.configcicd.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RiskLevelTest {

    @Test
    void raiseAndLowerStopAtTheEnds() {
        assertThat(RiskLevel.LOW.raise()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(RiskLevel.CRITICAL.raise()).isEqualTo(RiskLevel.CRITICAL);
        assertThat(RiskLevel.HIGH.lower()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(RiskLevel.LOW.lower()).isEqualTo(RiskLevel.LOW);
        assertThat(RiskLevel.max(RiskLevel.HIGH, RiskLevel.MEDIUM)).isEqualTo(RiskLevel.HIGH);
        assertThat(RiskLevel.max(RiskLevel.LOW, RiskLevel.CRITICAL)).isEqualTo(RiskLevel.CRITICAL);
    }

    @Test
    void parsesWordsCaseInsensitively() {
        assertThat(RiskLevel.parse(" High ")).isEqualTo(RiskLevel.HIGH);
        assertThatThrownBy(() -> RiskLevel.parse("severe")).isInstanceOf(IllegalArgumentException.class);
    }
}
