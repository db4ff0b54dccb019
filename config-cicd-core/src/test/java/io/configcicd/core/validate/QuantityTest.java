package io.configcicd.core.validate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configcicd.core.validate.rules.Quantity;
import java.math.BigDecimal;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

class QuantityTest {

    @ParameterizedTest(name = "{0} = {1}")
    @CsvSource({
        "1024,        1024",
        "0,           0",
        "1.5,         1.5",
        "500m,        0.5",
        "250m,        0.25",
        "100M,        100000000",
        "1.5G,        1500000000",
        "1GB,         1000000000",
        "1gb,         1000000000",
        "10kB,        10000",
        "10k,         10000",
        "2TB,         2000000000000",
        "512Mi,       536870912",
        "2Gi,         2147483648",
        "1Ki,         1024",
        "1KiB,        1024",
        "1Ti,         1099511627776",
        "0.5Gi,       536870912",
        "' 64 Mi ',   67108864",
        "1e3,         1000",
    })
    void parsesToBaseUnits(String text, String expected) {
        assertThat(Quantity.parse(text).amount()).isEqualByComparingTo(new BigDecimal(expected));
    }

    @ParameterizedTest
    @ValueSource(strings = {"", "abc", "12XB", "-1Gi", "1..5", "Gi", "1 G B", "1mb2"})
    void rejectsWhatIsNotAQuantity(String text) {
        assertThat(Quantity.tryParse(text)).isEmpty();
        assertThatThrownBy(() -> Quantity.parse(text)).isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("'" + text + "' is not a quantity");
    }

    @org.junit.jupiter.api.Test
    void milliAndMegaAreDifferentUnits() {
        assertThat(Quantity.parse("1m")).isLessThan(Quantity.parse("1M"));
        assertThat(Quantity.parse("1Gi")).isGreaterThan(Quantity.parse("1G"));
        assertThat(Quantity.parse("1024Mi").compareTo(Quantity.parse("1Gi"))).isZero();
    }
}
