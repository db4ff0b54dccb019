package io.configcicd.maven;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Duration;
import org.apache.maven.plugin.MojoFailureException;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class MojoParametersTest {

    @ParameterizedTest
    @CsvSource({"300, PT5M", "500ms, PT0.5S", "10s, PT10S", "5m, PT5M", "1h, PT1H", "' 45 ', PT45S"})
    void aDurationIsSecondsOrANumberWithItsUnit(String text, String expected) throws Exception {
        assertThat(MojoParameters.duration(text, "duration", "config.duration")).contains(Duration.parse(expected));
    }

    @Test
    void anUnsetDurationIsEmpty() throws Exception {
        assertThat(MojoParameters.duration(null, "interval", "config.interval")).isEmpty();
        assertThat(MojoParameters.duration("  ", "interval", "config.interval")).isEmpty();
    }

    @ParameterizedTest
    @ValueSource(strings = {"0", "0s", "-5", "5 minutes", "1.5s", "5d", "s"})
    void aDurationThatIsNotPositiveOrHasNoKnownUnitNamesTheParameterAndTheValue(String text) {
        assertThatThrownBy(() -> MojoParameters.duration(text, "interval", "config.interval"))
                .isInstanceOf(MojoFailureException.class)
                .hasMessageStartingWith("invalid <interval> (config.interval): '" + text.strip() + "'")
                .hasMessageContaining("500ms, 10s, 5m, 1h");
    }
}
