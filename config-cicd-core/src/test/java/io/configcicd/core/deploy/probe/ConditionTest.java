package io.configcicd.core.deploy.probe;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Optional;
import org.junit.jupiter.api.Test;

class ConditionTest {

    private static final Condition BELOW = new Condition(Optional.empty(), Optional.of(0.05), Optional.empty());

    @Test
    void readsNumbersAsJsonAndPrometheusWriteThem() {
        assertThat(Condition.parse("0.012")).contains(0.012);
        assertThat(Condition.parse("-3e2")).contains(-300.0);
        assertThat(Condition.parse("+Inf")).contains(Double.POSITIVE_INFINITY);
        assertThat(Condition.parse("-Inf")).contains(Double.NEGATIVE_INFINITY);
        assertThat(Condition.parse("NaN").orElseThrow()).isNaN();
        assertThat(Condition.parse("0x10")).isEmpty();
        assertThat(Condition.parse("1d")).isEmpty();
        assertThat(Condition.parse("UP")).isEmpty();
    }

    @Test
    void boundsAreStrictAndTheMarginSaysHowFarInside() {
        assertThat(BELOW.judge("0.01").ok()).isTrue();
        assertThat(BELOW.judge("0.05").ok()).isFalse();
        assertThat(BELOW.judge("0.01").margin()).isGreaterThan(BELOW.judge("0.04").margin());
        assertThat(BELOW.judge("0.2").margin()).isLessThan(BELOW.judge("0.06").margin());
    }

    @Test
    void nanAndTextFailEveryBoundAndRankWorst() {
        assertThat(BELOW.judge("NaN").ok()).isFalse();
        assertThat(BELOW.judge("NaN").words()).isEqualTo("(not a number)");
        assertThat(BELOW.judge("NaN").margin()).isLessThan(BELOW.judge("1e300").margin());
        assertThat(BELOW.judge("high").ok()).isFalse();
    }

    @Test
    void expectComparesTextAndIsCheckedBeforeBounds() {
        Condition both = new Condition(Optional.of("1"), Optional.of(2.0), Optional.empty());

        assertThat(both.judge("1").ok()).isTrue();
        assertThat(both.judge("1.0").words()).isEqualTo("(expected 1)");
    }
}
