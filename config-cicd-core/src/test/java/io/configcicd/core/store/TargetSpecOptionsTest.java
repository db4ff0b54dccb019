package io.configcicd.core.store;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The option readers every store shares: durations, true/false and whole numbers, with one error shape. */
class TargetSpecOptionsTest {

    private static TargetSpec spec(Map<String, String> options) {
        return new TargetSpec("cache", "redis", "production", Layout.KEYS, SecretsMode.REFERENCE, DocumentFormat.JSON,
                1024, new java.util.TreeMap<>(options));
    }

    @Test
    void durationsTakeMillisecondsSecondsMinutesAndHoursAndABareNumberIsMilliseconds() {
        assertThat(spec(Map.of("timeout", "250ms")).duration("timeout", Duration.ZERO)).isEqualTo(Duration.ofMillis(250));
        assertThat(spec(Map.of("timeout", "5s")).duration("timeout", Duration.ZERO)).isEqualTo(Duration.ofSeconds(5));
        assertThat(spec(Map.of("timeout", "30m")).duration("timeout", Duration.ZERO)).isEqualTo(Duration.ofMinutes(30));
        assertThat(spec(Map.of("timeout", "1H")).duration("timeout", Duration.ZERO)).isEqualTo(Duration.ofHours(1));
        assertThat(spec(Map.of("timeout", "750")).duration("timeout", Duration.ZERO)).isEqualTo(Duration.ofMillis(750));
        assertThat(spec(Map.of()).duration("timeout", Duration.ofSeconds(5))).isEqualTo(Duration.ofSeconds(5));
    }

    @Test
    void aBadOptionIsBadInputNamingTheTargetAndTheOption() {
        ConfigCicdException duration = catchThrowableOfType(ConfigCicdException.class,
                () -> spec(Map.of("timeout", "soon")).duration("timeout", Duration.ofSeconds(5)));
        ConfigCicdException zero = catchThrowableOfType(ConfigCicdException.class,
                () -> spec(Map.of("timeout", "0s")).duration("timeout", Duration.ofSeconds(5)));
        ConfigCicdException flag = catchThrowableOfType(ConfigCicdException.class,
                () -> spec(Map.of("immutable", "yes")).flag("immutable", "write immutable: true"));
        ConfigCicdException number = catchThrowableOfType(ConfigCicdException.class,
                () -> spec(Map.of("max_txn_ops", "1")).number("max_txn_ops", 64, 2));

        assertThat(duration.kind()).isEqualTo(ErrorKind.BAD_INPUT);
        assertThat(duration.problem()).startsWith("target cache: timeout must be a positive duration").contains("'soon'");
        assertThat(zero.problem()).contains("timeout");
        assertThat(flag.problem()).isEqualTo("target cache: immutable must be true or false, not 'yes'");
        assertThat(flag.hint()).isEqualTo("write immutable: true");
        assertThat(number.problem()).contains("max_txn_ops must be a number of at least 2, not '1'");
        assertThat(number.hint()).isEqualTo("leave it out for 64");
    }

    @Test
    void unsetFlagsAreFalseAndUnsetNumbersTheirFallback() {
        assertThat(spec(Map.of()).flag("immutable", "")).isFalse();
        assertThat(spec(Map.of("immutable", "TRUE")).flag("immutable", "")).isTrue();
        assertThat(spec(Map.of()).number("keep", 5, 1)).isEqualTo(5);
        assertThat(spec(Map.of("keep", " 7 ")).number("keep", 5, 1)).isEqualTo(7);
    }
}
