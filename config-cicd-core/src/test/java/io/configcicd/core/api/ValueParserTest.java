package io.configcicd.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.model.ConfigList;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.ScalarType;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

class ValueParserTest {

    private static ConfigScalar scalar(String text) {
        return (ConfigScalar) ValueParser.parse(text);
    }

    private static ConfigCicdException refused(String text) {
        ConfigCicdException e = catchThrowableOfType(ConfigCicdException.class, () -> ValueParser.parse(text));
        assertThat(e).as("refused: " + text).isNotNull();
        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
        assertThat(e.origin().file()).isEqualTo("--value");
        return e;
    }

    @Test
    void readsScalarsAndFlowCollectionsAsYamlDoes() {
        assertThat(scalar("5").value()).isEqualTo(5L);
        assertThat(scalar("true").value()).isEqualTo(true);
        assertThat(scalar("\"5\"").value()).isEqualTo("5");
        assertThat(scalar("gpt-4").value()).isEqualTo("gpt-4");
        assertThat(scalar("null").isNull()).isTrue();
        assertThat(scalar("").value()).isEqualTo("");
        assertThat(((ConfigList) ValueParser.parse("[a, b]")).size()).isEqualTo(2);
        assertThat(((ConfigMap) ValueParser.parse("{k: v}")).containsKey("k")).isTrue();
    }

    @ParameterizedTest
    @ValueSource(strings = {"#ff0000", "# a whole comment line", "#"})
    void aOneLineTextThatYamlWouldReadAsACommentIsThatString(String text) {
        ConfigScalar s = scalar(text);

        assertThat(s.type()).isEqualTo(ScalarType.STRING);
        assertThat(s.value()).isEqualTo(text);
    }

    @Test
    void aHashInsideAWordOrInQuotesIsPartOfTheString() {
        assertThat(scalar("a#b").value()).isEqualTo("a#b");
        assertThat(scalar("\"#ff0000\"").value()).isEqualTo("#ff0000");
        assertThat(scalar("'x # y'").value()).isEqualTo("x # y");
    }

    @ParameterizedTest
    @ValueSource(strings = {"blue # the colour", "5 # five", "[1, 2] # two", "\"a\" #c", "#one\ntwo: 2"})
    void aCommentThatWouldDropPartOfTheValueIsRefusedWithAHintToQuoteIt(String text) {
        ConfigCicdException e = refused(text);

        assertThat(e.problem()).contains("starts a YAML comment");
        assertThat(e.hint()).contains("--value '\"...\"'");
    }

    @Test
    void theRefusalNamesTheColumnOfTheCommentButNotTheValue() {
        ConfigCicdException e = refused("hunter2 # pw");

        assertThat(e.origin().line()).isEqualTo(1);
        assertThat(e.origin().column()).isEqualTo(9);
        assertThat(e.getMessage()).doesNotContain("hunter2");
    }

    @ParameterizedTest
    @ValueSource(strings = {" ", "   ", "\t", "\n"})
    void aBlankValueIsRefused(String text) {
        assertThat(refused(text).hint()).contains("--value '\"...\"'");
    }

    @Test
    void textThatIsNotYamlIsRefusedWithTheParsersPositionAndTheHintToQuoteIt() {
        ConfigCicdException e = refused("[1, 2");

        assertThat(e.origin().line()).isEqualTo(1);
        assertThat(e.hint()).endsWith("quote the whole value to store it as a string: --value '\"...\"'");
    }

    @ParameterizedTest
    @ValueSource(strings = {"1e400", "-1e400", "1.5E+999", "1e-400", "[1, 1e400]", "{a: {b: 2e-999}}"})
    void aNumberThatAFloatCannotHoldIsRefusedAsOutOfRange(String text) {
        ConfigCicdException e = refused(text);

        assertThat(e.problem()).startsWith("number out of range");
        assertThat(e.hint()).startsWith("quote it to store it as text").contains("--value '\"...\"'");
    }

    @Test
    void infinityAndNotANumberWrittenAsSuchAndZeroAreKept() {
        assertThat((Double) scalar(".inf").value()).isInfinite();
        assertThat((Double) scalar("-.Inf").value()).isInfinite();
        assertThat((Double) scalar(".nan").value()).isNaN();
        assertThat(scalar("0.0").value()).isEqualTo(0.0);
        assertThat(scalar("0e5").value()).isEqualTo(0.0);
        assertThat(scalar("1e300").value()).isEqualTo(1e300);
        ConfigNode list = ValueParser.parse("[0.0, 1.5e-300]");
        assertThat(((ConfigList) list).size()).isEqualTo(2);
    }
}
