package io.configcicd.core.load.json;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.configcicd.core.load.ConfigParseException;
import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.load.ParseErrors;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Origin;
import io.configcicd.core.model.ScalarType;
import java.math.BigInteger;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class JsonCodecTest {

    private final JsonCodec codec = new JsonCodec();

    private ConfigNode parse(String json) {
        return codec.parse(json.getBytes(StandardCharsets.UTF_8), "global/app.json", LoadLimits.DEFAULT);
    }

    private ConfigNode parse(String json, LoadLimits limits) {
        return codec.parse(json.getBytes(StandardCharsets.UTF_8), "global/app.json", limits);
    }

    @Test
    void every_value_and_key_knows_its_line_and_column() {
        ConfigMap root = (ConfigMap) parse("{\n  \"db\": {\n    \"port\": 5432\n  }\n}\n");
        ConfigMap db = (ConfigMap) root.getOrNull("db");
        assertThat(root.origin()).isEqualTo(Origin.of("global/app.json", 1, 1));
        assertThat(db.getOrNull("port").origin()).isEqualTo(Origin.of("global/app.json", 3, 13));
        assertThat(db.keyOrigin("port")).isEqualTo(Origin.of("global/app.json", 3, 5));
    }

    @Test
    void numbers_keep_their_kind() {
        ConfigMap root = (ConfigMap) parse("{\"i\": 42, \"big\": 123456789012345678901234, \"f\": 1.5e3, \"b\": true,"
                + " \"n\": null}");
        assertThat(root.getOrNull("i").toPlain()).isEqualTo(42L);
        assertThat(root.getOrNull("big").toPlain()).isEqualTo(new BigInteger("123456789012345678901234"));
        assertThat(root.getOrNull("f").toPlain()).isEqualTo(1500.0);
        assertThat(root.getOrNull("b").toPlain()).isEqualTo(true);
        assertThat(root.getOrNull("n").isNull()).isTrue();
    }

    @Test
    void a_duplicate_key_is_rejected_naming_the_key_and_its_second_position() {
        assertThatThrownBy(() -> parse("{\n  \"a\": 1,\n  \"a\": 2\n}"))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("global/app.json:3:3")
                .hasMessageContaining("duplicate key 'a'");
    }

    @Test
    void lenient_json_is_rejected_with_a_position_and_a_hint() {
        for (String bad : new String[] {"{\"a\": 1,}", "{'a': 1}", "{\"a\": 01}", "{\"a\": NaN}", "// c\n{}",
                "{\"a\": \"x\ty\"}", "{} {}"}) {
            assertThatThrownBy(() -> parse(bad)).as(bad).isInstanceOf(ConfigParseException.class)
                    .satisfies(e -> {
                        ConfigParseException p = (ConfigParseException) e;
                        assertThat(p.origin().line()).isPositive();
                        assertThat(p.hint()).isNotBlank();
                        assertThat(p.getMessage()).doesNotContainIgnoringCase("jackson").doesNotContain("Feature");
                    });
        }
    }

    /** Broken files in which the only copy of a secret sits where the parser stops. */
    private static final String[] BROKEN_WITH_SECRET = {
        "{\n  \"user\": \"app\",\n  \"password\": hunter2Sup3rXyz\n}",
        "{\n  \"password\": hunter2-Sup3r\n}",
        "{\n  \"password\": \"hunter2-Sup3r\n",
        "{\n  \"password\": \"hunter2\\qSup3r\"\n}",
        "{\n  \"password\": -hunter2Sup3r\n}",
        "{\n  \"password\": 0hunter2Sup3r\n}",
        "{\n  \"password\": truehunter2Sup3r\n}",
        "{\n  \"password\": 1.hunter2Sup3r\n}",
        "{\n  \"password\": \"x\" hunter2Sup3r\n}",
        "{\n  \"password\": [\"a\" hunter2Sup3r]\n}",
        "{\n  \"password\": 'hunter2Sup3r'\n}",
        "{\n  \"password\": \"hunter2Sup3r\"\n} hunter2Sup3r",
    };

    @Test
    void a_syntax_error_never_quotes_the_value_it_stops_at_and_says_what_was_expected_at_line_and_column() {
        for (String bad : BROKEN_WITH_SECRET) {
            ConfigParseException e = (ConfigParseException) catchThrowable(() -> parse(bad));
            ParseErrors.assertSaysWhatWasExpectedAndShowsNone(e, bad, "hunter2", "Sup3r", "Unrecognized token",
                    "was expecting");
            assertThat(e.origin().line()).as(bad).isBetween(2, 3);
        }
    }

    @Test
    void the_issue_example_names_file_line_column_and_what_was_expected() {
        assertThatThrownBy(() -> parse("{\"password\": hunter2Sup3rXyz}"))
                .hasMessage("global/app.json:1:14: expected a \"string\", a number, true, false, null, a [list] or a "
                        + "{mapping}, found a word that is not true, false or null (text needs double quotes) (fix the "
                        + "JSON syntax at this position (JSON allows no comments, trailing commas or single quotes))");
    }

    @Test
    void nesting_deeper_than_the_limit_is_rejected() {
        String deep = "[".repeat(5) + "]".repeat(5);
        assertThat(parse(deep, LoadLimits.DEFAULT.withMaxDepth(5))).isNotNull();
        assertThatThrownBy(() -> parse("[" + deep + "]", LoadLimits.DEFAULT.withMaxDepth(5)))
                .isInstanceOf(ConfigParseException.class).hasMessageContaining("deeper than 5");
    }

    @Test
    void nesting_deeper_than_the_limit_names_the_line_and_column_of_the_bracket_too_deep() {
        ConfigParseException e = (ConfigParseException) catchThrowable(
                () -> parse("{\n  \"a\": [\n    [1, 2]\n  ]\n}\n", LoadLimits.DEFAULT.withMaxDepth(2)));
        assertThat(e.origin()).isEqualTo(Origin.of("global/app.json", 3, 5));
        assertThat(e.getMessage()).startsWith("global/app.json:3:5: mappings and lists nested deeper than 2 levels");
        ConfigParseException longString = (ConfigParseException) catchThrowable(
                () -> parse("{\n  \"a\":\n    \"" + "x".repeat(50) + "\"}", LoadLimits.DEFAULT.withMaxStringLength(20)));
        assertThat(longString.origin()).isEqualTo(Origin.of("global/app.json", 3, 5));
    }

    @Test
    void a_number_beyond_the_range_of_a_double_is_refused_at_its_position_not_read_as_infinity_or_zero() {
        for (String n : new String[] {"1e400", "-1e400", "1.5E+309", "123123e100000", "1e-400", "-2.5e-999"}) {
            assertThatThrownBy(() -> parse("{\n  \"a\": " + n + "\n}")).as(n)
                    .isInstanceOf(ConfigParseException.class)
                    .hasMessageStartingWith("global/app.json:2:8: number out of range: a 64-bit floating-point number"
                            + " cannot hold it (it would be stored as " + (n.contains("e-") ? "0.0)" : "infinity)"))
                    .hasMessageContaining("quote it to store it as text");
        }
        assertThat(((ConfigMap) parse("{\"a\": 1.7e308}")).getOrNull("a").toPlain()).isEqualTo(1.7e308);
        assertThat(((ConfigMap) parse("{\"a\": 4.9e-324}")).getOrNull("a").toPlain()).isEqualTo(4.9e-324);
        assertThat(((ConfigMap) parse("{\"a\": 0.0e-999}")).getOrNull("a").toPlain()).isEqualTo(0.0);
        assertThat(((ConfigMap) parse("{\"a\": \"1e400\"}")).getOrNull("a").toPlain()).isEqualTo("1e400");
    }

    @Test
    void a_string_longer_than_the_limit_is_rejected() {
        assertThatThrownBy(() -> parse("{\"a\": \"" + "x".repeat(50) + "\"}", LoadLimits.DEFAULT.withMaxStringLength(20)))
                .isInstanceOf(ConfigParseException.class).hasMessageContaining("longer than 20 characters");
    }

    @Test
    void a_number_longer_than_the_limit_is_rejected() {
        assertThatThrownBy(() -> parse("{\"a\": " + "9".repeat(30) + "}", LoadLimits.DEFAULT.withMaxNumberLength(20)))
                .isInstanceOf(ConfigParseException.class).hasMessageContaining("number literal longer than 20");
    }

    @Test
    void a_file_larger_than_the_limit_is_rejected_before_parsing() {
        assertThatThrownBy(() -> parse("{\"a\": \"" + "x".repeat(100) + "\"}", LoadLimits.DEFAULT.withMaxDocumentBytes(50)))
                .isInstanceOf(ConfigParseException.class).hasMessageContaining("larger than the limit of 50 bytes");
    }

    @Test
    void invalid_utf8_is_rejected_with_its_line() {
        byte[] bytes = "{\n\"a\": \"x\"\n}".getBytes(StandardCharsets.UTF_8);
        bytes[8] = (byte) 0xFF;
        assertThatThrownBy(() -> codec.parse(bytes, "global/app.json", LoadLimits.DEFAULT))
                .isInstanceOf(ConfigParseException.class).hasMessageContaining("global/app.json:2:")
                .hasMessageContaining("UTF-8");
    }

    @Test
    void an_empty_file_is_not_json() {
        assertThatThrownBy(() -> parse("  \n")).isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("no value");
    }

    @Test
    void render_writes_two_space_indented_json_that_reads_back_the_same() {
        ConfigNode original = parse("{\"name\": \"svc \\\"a\\\"\", \"port\": 80, \"ratio\": 0.5, \"on\": false,"
                + " \"none\": null, \"tags\": [\"x\", 1], \"empty\": {}, \"nested\": {\"list\": []}}");
        String text = codec.render(original);
        assertThat(text).startsWith("{\n  \"name\": \"svc \\\"a\\\"\",\n  \"port\": 80,").endsWith("}\n");
        ConfigNode back = parse(text);
        assertThat(back.sameValue(original)).isTrue();
        assertThat(((ConfigScalar) ((ConfigMap) back).getOrNull("ratio")).type()).isEqualTo(ScalarType.FLOAT);
    }
}
