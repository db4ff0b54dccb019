package io.configcicd.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.temporal.ChronoUnit;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The one duration syntax of settings and front ends. */
class DurationsTest {

    @Test
    void aNumberWithItsUnitIsReadAndABareNumberOnlyWhereTheCallerGivesItAUnit() {
        assertThat(Durations.parse("500ms", Optional.empty())).contains(Duration.ofMillis(500));
        assertThat(Durations.parse(" 10s ", Optional.empty())).contains(Duration.ofSeconds(10));
        assertThat(Durations.parse("5M", Optional.empty())).contains(Duration.ofMinutes(5));
        assertThat(Durations.parse("1h", Optional.empty())).contains(Duration.ofHours(1));
        assertThat(Durations.parse("0", Optional.empty())).contains(Duration.ZERO);
        assertThat(Durations.parse("10", Optional.empty())).isEmpty();
        assertThat(Durations.parse("300", Optional.of(ChronoUnit.SECONDS))).contains(Duration.ofSeconds(300));
        assertThat(Durations.parse("1.5s", Optional.empty())).isEmpty();
        assertThat(Durations.parse("-3s", Optional.empty())).isEmpty();
        assertThat(Durations.parse("10 days", Optional.empty())).isEmpty();
    }

    @Test
    void positiveSecondsRefusesZero() {
        assertThat(Durations.positiveSeconds("300")).contains(Duration.ofMinutes(5));
        assertThat(Durations.positiveSeconds("0s")).isEmpty();
        assertThat(Durations.positiveSeconds("0")).isEmpty();
    }
}
