package io.configcicd.core.report;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Origin;
import io.configcicd.core.repo.CommandLineValue;
import io.configcicd.core.security.SecretMasker;
import java.util.List;
import org.junit.jupiter.api.Test;

class ValueTextTest {

    private static ConfigNode string(String s) {
        return ConfigScalar.string(s, Origin.UNKNOWN);
    }

    @Test
    void aStringThatReadsBackAsItselfIsShownAsItIs() {
        assertThat(ValueText.inline(string("gpt-4"))).isEqualTo("gpt-4");
        assertThat(ValueText.inline(string("#ff0000"))).isEqualTo("#ff0000");
        assertThat(ValueText.inline(string(SecretMasker.MASK))).isEqualTo(SecretMasker.MASK);
    }

    @Test
    void aStringThatWouldReadBackAsAnotherTypeOrLoseTextIsQuoted() {
        assertThat(ValueText.inline(string("5"))).isEqualTo("\"5\"");
        assertThat(ValueText.inline(string("true"))).isEqualTo("\"true\"");
        assertThat(ValueText.inline(string("blue # note"))).isEqualTo("\"blue # note\"");
        assertThat(ValueText.inline(string(" padded"))).isEqualTo("\" padded\"");
    }

    @Test
    void whatInlineShowsParsesBackToTheSameValue() {
        for (String s : new String[] {"5", "gpt-4", "#ff0000", "blue # note", "null", "[a]"}) {
            ConfigNode back = CommandLineValue.parse(ValueText.inline(string(s)));
            assertThat(back).isInstanceOfSatisfying(ConfigScalar.class, b -> assertThat(b.value()).isEqualTo(s));
        }
    }

    @Test
    void infiniteFloatsAreWrittenInTheirYamlSpelling() {
        assertThat(ValueText.inline(ConfigScalar.floating(Double.POSITIVE_INFINITY, Origin.UNKNOWN))).isEqualTo(".inf");
        assertThat(ValueText.jsonSafe(List.of(Double.NaN, 1.5))).isEqualTo(List.of(".nan", 1.5));
    }
}
