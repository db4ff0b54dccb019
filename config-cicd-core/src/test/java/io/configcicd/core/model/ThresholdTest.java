package io.configcicd.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ThresholdTest {

    @Test
    void a_severity_stands_for_the_risk_level_of_the_same_rank() {
        assertThat(Threshold.parse("info").riskLevel()).isEqualTo(RiskLevel.LOW);
        assertThat(Threshold.parse("warning").riskLevel()).isEqualTo(RiskLevel.MEDIUM);
        assertThat(Threshold.parse("error").riskLevel()).isEqualTo(RiskLevel.HIGH);
        assertThat(Threshold.parse("critical").riskLevel()).isEqualTo(RiskLevel.CRITICAL);
    }

    @Test
    void a_risk_level_stands_for_the_severity_of_the_same_rank() {
        assertThat(Threshold.parse("low").severity()).isEqualTo(Severity.INFO);
        assertThat(Threshold.parse("medium").severity()).isEqualTo(Severity.WARNING);
        assertThat(Threshold.parse("high").severity()).isEqualTo(Severity.ERROR);
        assertThat(Threshold.parse("critical").severity()).isEqualTo(Severity.CRITICAL);
    }

    @Test
    void words_are_read_in_any_case_with_blanks_around() {
        assertThat(Threshold.parse(" Critical ")).isEqualTo(new Threshold(RiskLevel.CRITICAL));
        assertThat(Threshold.parse("WARNING")).isEqualTo(Threshold.of(Severity.WARNING));
    }

    @Test
    void unknown_text_names_every_word_allowed() {
        assertThatThrownBy(() -> Threshold.parse("loud")).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'loud'")
                .hasMessageContaining("info, warning, error or critical")
                .hasMessageContaining("low, medium, high or critical");
    }

    @Test
    void the_strict_parses_take_only_their_own_words_and_say_so_as_the_enums_do() {
        assertThat(Threshold.parseRiskLevel("high").riskLevel()).isEqualTo(RiskLevel.HIGH);
        assertThat(Threshold.parseSeverity("error").severity()).isEqualTo(Severity.ERROR);
        assertThatThrownBy(() -> Threshold.parseRiskLevel("error"))
                .hasMessage("unknown risk level 'error': use low, medium, high or critical");
        assertThatThrownBy(() -> Threshold.parseSeverity("high"))
                .hasMessage("unknown severity 'high': use info, warning, error or critical");
    }
}
