package io.configcicd.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigScalarTest {

    @Test
    void anUnquotedStringStaysUnquotedWhenItsHistoryChangesAndHasTheSameValueAsAQuotedOne() {
        ConfigScalar plain = ConfigScalar.string("yes", Origin.of("global/a.yaml", 1, 6)).asUnquoted();
        ConfigScalar withHistory = plain.withOverridden(List.of(ConfigScalar.bool(true, Origin.UNKNOWN)));

        assertThat(plain.unquoted()).isTrue();
        assertThat(withHistory.unquoted()).isTrue();
        assertThat(withHistory.withoutHistory()).isEqualTo(plain);
        assertThat(plain.sameValue(ConfigScalar.string("yes", Origin.UNKNOWN))).isTrue();
        assertThat(ConfigScalar.string("yes", Origin.UNKNOWN).unquoted()).isFalse();
    }

    @Test
    void onlyAStringCanBeMarkedUnquoted() {
        assertThatThrownBy(() -> ConfigScalar.bool(true, Origin.UNKNOWN).asUnquoted())
                .isInstanceOf(IllegalArgumentException.class);
    }
}
