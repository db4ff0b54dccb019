package io.configcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.junit.jupiter.api.Test;
import picocli.CommandLine.TypeConversionException;

/** {@code --duration} and {@code --interval}: bare seconds, or a number with ms, s, m or h. */
class DurationOptionTest {

    @Test
    void aBareNumberIsSecondsAsTheOriginalDesignWroteIt() {
        assertThat(DurationOption.parse("300")).isEqualTo(Duration.ofSeconds(300));
    }

    @Test
    void aUnitSaysMillisecondsSecondsMinutesOrHours() {
        assertThat(DurationOption.parse("500ms")).isEqualTo(Duration.ofMillis(500));
        assertThat(DurationOption.parse("10s")).isEqualTo(Duration.ofSeconds(10));
        assertThat(DurationOption.parse("5m")).isEqualTo(Duration.ofMinutes(5));
        assertThat(DurationOption.parse("1h")).isEqualTo(Duration.ofHours(1));
    }

    @Test
    void zeroNegativeAndUnknownUnitsAreRefusedSayingWhatToWrite() {
        for (String bad : new String[] {"0", "0s", "-5", "5x", "1.5", "", "10 sec", "m"}) {
            assertThatThrownBy(() -> DurationOption.parse(bad)).as(bad).isInstanceOf(TypeConversionException.class)
                    .hasMessageContaining("'" + bad + "'");
        }
        assertThatThrownBy(() -> DurationOption.parse("soon")).hasMessageContaining("500ms, 10s, 5m");
    }
}
