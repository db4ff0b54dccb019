package io.configcicd.core.load.toml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.load.ConfigParseException;
import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.load.ParseErrors;
import io.configcicd.core.model.ConfigList;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Format;
import io.configcicd.core.model.Origin;
import io.configcicd.core.model.ScalarType;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TomlCodecTest {

    private final TomlCodec codec = new TomlCodec();

    private ConfigNode parse(String text) {
        return parse(text, LoadLimits.DEFAULT);
    }

    private ConfigNode parse(String text, LoadLimits limits) {
        return codec.parse(text.getBytes(StandardCharsets.UTF_8), "env/dev.toml", limits);
    }

    private static ConfigNode at(ConfigNode root, String... keysOrIndexes) {
        ConfigNode n = root;
        for (String k : keysOrIndexes) {
            n = n instanceof ConfigList l ? l.get(Integer.parseInt(k)) : ((ConfigMap) n).getOrNull(k);
        }
        return n;
    }

    @Test
    void is_the_toml_codec_and_an_empty_document_is_an_empty_mapping() {
        assertThat(codec.format()).isEqualTo(Format.TOML);
        assertThat(parse("# nothing\n\n")).isInstanceOf(ConfigMap.class).satisfies(n ->
                assertThat(((ConfigMap) n).isEmpty()).isTrue());
    }

    @Test
    void every_value_key_and_table_has_its_origin() {
        ConfigNode root = parse("""
                title = "x"
                [server]
                  port = 8080
                  tls.cert = 'c.pem'
                [[svc]]
                name = "a"
                [[svc]]
                name = "b"
                opts = { retries = [1, { n = 2 }] }
                """);

        assertThat(root.origin()).isEqualTo(Origin.of("env/dev.toml", 1, 1));
        assertThat(at(root, "title").origin()).isEqualTo(Origin.of("env/dev.toml", 1, 9));
        assertThat(at(root, "server").origin()).isEqualTo(Origin.of("env/dev.toml", 2, 1));
        assertThat(((ConfigMap) root).keyOrigin("server")).isEqualTo(Origin.of("env/dev.toml", 2, 2));
        assertThat(at(root, "server", "port").origin()).isEqualTo(Origin.of("env/dev.toml", 3, 10));
        assertThat(((ConfigMap) at(root, "server")).keyOrigin("port")).isEqualTo(Origin.of("env/dev.toml", 3, 3));
        assertThat(at(root, "server", "tls").origin()).isEqualTo(Origin.of("env/dev.toml", 4, 3));
        assertThat(((ConfigMap) at(root, "server", "tls")).keyOrigin("cert"))
                .isEqualTo(Origin.of("env/dev.toml", 4, 7));
        assertThat(at(root, "server", "tls", "cert").origin()).isEqualTo(Origin.of("env/dev.toml", 4, 14));
        assertThat(at(root, "svc").origin()).isEqualTo(Origin.of("env/dev.toml", 5, 1));
        assertThat(at(root, "svc", "1").origin()).isEqualTo(Origin.of("env/dev.toml", 7, 1));
        assertThat(at(root, "svc", "1", "name").origin()).isEqualTo(Origin.of("env/dev.toml", 8, 8));
        assertThat(at(root, "svc", "1", "opts").origin()).isEqualTo(Origin.of("env/dev.toml", 9, 8));
        assertThat(at(root, "svc", "1", "opts", "retries", "1", "n").origin())
                .isEqualTo(Origin.of("env/dev.toml", 9, 30));
    }

    @Test
    void columns_count_characters_not_bytes() {
        ConfigNode root = parse("\"ä\" = \"ü\"\nb = 1\n");

        assertThat(at(root, "ä").origin()).isEqualTo(Origin.of("env/dev.toml", 1, 7));
    }

    @Test
    void values_have_their_java_types() {
        ConfigNode root = parse("""
                i = 1_000
                h = 0xff
                f = 6.02e23
                n = -nan
                inf = -inf
                b = true
                odt = 1979-05-27 07:32:00.5z
                ldt = 1979-05-27T07:32:00
                ld = 1979-05-27
                lt = 07:32:00.999999
                """);

        assertThat(at(root, "i").toPlain()).isEqualTo(1000L);
        assertThat(at(root, "h").toPlain()).isEqualTo(255L);
        assertThat(at(root, "f").toPlain()).isEqualTo(6.02e23);
        assertThat((Double) at(root, "n").toPlain()).isNaN();
        assertThat(at(root, "inf").toPlain()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat(at(root, "b").toPlain()).isEqualTo(true);
        ConfigScalar odt = (ConfigScalar) at(root, "odt");
        assertThat(odt.type()).isEqualTo(ScalarType.OFFSET_DATETIME);
        assertThat(odt.value()).isEqualTo(OffsetDateTime.of(1979, 5, 27, 7, 32, 0, 500_000_000, ZoneOffset.UTC));
        assertThat(odt.text()).isEqualTo("1979-05-27T07:32:00.5Z");
        assertThat(at(root, "ldt").toPlain()).isEqualTo(LocalDateTime.of(1979, 5, 27, 7, 32));
        assertThat(at(root, "ld").toPlain()).isEqualTo(LocalDate.of(1979, 5, 27));
        assertThat(at(root, "lt").toPlain()).isEqualTo(LocalTime.of(7, 32, 0, 999_999_000));
    }

    @Test
    void errors_name_file_line_and_column_with_a_hint() {
        assertThatThrownBy(() -> parse("a = 1\nb = 0123\n"))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageStartingWith("env/dev.toml:2:5: expected a number, found a malformed one")
                .satisfies(e -> assertThat(((ConfigCicdException) e).hint()).contains("no leading zeros"));
        assertThatThrownBy(() -> parse("[a]\nx = 1\n[a]\n"))
                .hasMessageStartingWith("env/dev.toml:3:2: table [a] is defined twice");
        assertThatThrownBy(() -> parse("a = 1\na = 2\n"))
                .hasMessageStartingWith("env/dev.toml:2:1: key 'a' is defined twice (first at line 1)");
        assertThatThrownBy(() -> parse("s = \"abc\n"))
                .hasMessageStartingWith("env/dev.toml:1:9: expected the closing quote of a one-line string, found the end of the line");
        assertThatThrownBy(() -> parse("d = 2023-02-29\n"))
                .hasMessageStartingWith("env/dev.toml:1:5: expected a date or time that exists");
        assertThatThrownBy(() -> parse("a = 1\rb = 2\n"))
                .hasMessageStartingWith("env/dev.toml:1:6: carriage return without line feed");
        assertThatThrownBy(() -> parse("t = {a = 1}\nt.b = 2\n"))
                .hasMessageContaining("env/dev.toml:2:1: cannot add to 't' with a dotted key");
    }

    @Test
    void invalid_utf8_is_a_parse_error() {
        byte[] bytes = {'a', ' ', '=', ' ', '"', (byte) 0xC3, '"', '\n'};

        assertThatThrownBy(() -> codec.parse(bytes, "env/dev.toml", LoadLimits.DEFAULT))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("env/dev.toml:1:");
    }

    @Test
    void limits_are_enforced() {
        LoadLimits twoLevels = LoadLimits.DEFAULT.withMaxDepth(2);
        assertThat(parse("a = [[1]]\nx = {a = {b = 1}}\n[t.u]\n", twoLevels)).isNotNull();
        assertThatThrownBy(() -> parse("a = [[[1]]]\n", twoLevels))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageStartingWith("env/dev.toml:1:7: nesting deeper than 2 levels");
        assertThatThrownBy(() -> parse("[a.b.c]\n", twoLevels))
                .hasMessageStartingWith("env/dev.toml:1:6: nesting deeper than 2 levels");
        assertThatThrownBy(() -> parse("x = {a = {b = {c = 1}}}\n", twoLevels))
                .hasMessageStartingWith("env/dev.toml:1:15: nesting deeper than 2 levels");
        assertThatThrownBy(() -> parse("[[a]]\n[a.b]\n", twoLevels))
                .hasMessageStartingWith("env/dev.toml:2:4: nesting deeper than 2 levels");
        assertThatThrownBy(() -> parse("s = \"" + "x".repeat(11) + "\"\n", LoadLimits.DEFAULT.withMaxStringLength(10)))
                .hasMessageStartingWith("env/dev.toml:1:5: string of 11 characters is longer than the limit of 10");
        assertThatThrownBy(() -> parse("n = 1" + "0".repeat(20) + "\n", LoadLimits.DEFAULT.withMaxNumberLength(10)))
                .hasMessageStartingWith("env/dev.toml:1:5: number of 21 characters");
        assertThatThrownBy(() -> parse("a = 1\n", LoadLimits.DEFAULT.withMaxDocumentBytes(5)))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageStartingWith("env/dev.toml: file of 6 bytes is larger than the limit of 5 bytes");
    }

    @Test
    void a_number_beyond_the_range_of_a_double_is_refused_at_its_position_while_inf_stays_infinity() {
        for (String n : new String[] {"1e400", "-1e400", "1_0e4_00", "[1e400]", "1e-400", "-1_5.0e-4_00"}) {
            assertThatThrownBy(() -> parse("a = 1\nb = " + n + "\n")).as(n).isInstanceOf(ConfigParseException.class)
                    .hasMessageStartingWith("env/dev.toml:2:")
                    .hasMessageContaining("number out of range: a 64-bit floating-point number cannot hold it")
                    .hasMessageContaining("quote it to store it as text");
        }
        assertThat(at(parse("a = inf\n"), "a").toPlain()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(at(parse("a = 1.7e308\n"), "a").toPlain()).isEqualTo(1.7e308);
    }

    @Test
    void deeply_nested_arrays_are_stopped_by_the_depth_limit_not_the_stack() {
        String deep = "a = " + "[".repeat(100_000) + "]".repeat(100_000) + "\n";

        assertThatThrownBy(() -> parse(deep)).isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("nesting deeper than 64 levels");
    }

    @Test
    void a_syntax_error_never_quotes_the_value_it_stops_at_and_says_what_was_expected_at_line_and_column() {
        String[] broken = {
            "user = \"app\"\npassword = hunter2-Sup3r\n",
            "user = \"app\"\npassword = \"hunter2-Sup3r\n",
            "user = \"app\"\npassword = \"hunter2\\qSup3r\"\n",
            "user = \"app\"\npassword = truehunter2Sup3r\n",
            "user = \"app\"\npassword = 1234-56-78hunter2Sup3r\n",
            "user = \"app\"\npassword = 1979-05-27T07:32:00+99:00hunter2Sup3r\n",
            "user = \"app\"\npassword = 98765432109876543210\n",
            "user = \"app\"\npassword = 0x98765432109876543210\n",
            "user = \"app\"\npassword = [hunter2Sup3r]\n",
            "user = \"app\"\npassword = {a = hunter2Sup3r}\n",
            "user = \"app\"\npassword = \"x\" hunter2Sup3r\n",
            "user = \"app\"\npassword = -hunter2Sup3r\n",
            "user = \"app\"\npassword = \"\\UFFFFFFFF\"\n",
        };
        for (String bad : broken) {
            ConfigParseException e = (ConfigParseException) catchThrowable(() -> parse(bad));
            ParseErrors.assertSaysWhatWasExpectedAndShowsNone(e, bad, "hunter2", "Sup3r", "98765432109876543210",
                    "FFFFFFFF");
            assertThat(e.origin().line()).as(bad).isEqualTo(2);
        }
    }

    @Test
    void the_issue_example_names_file_line_column_and_what_was_expected() {
        assertThatThrownBy(() -> codec.parse("a = 1\npassword = hunter2-Sup3r\n".getBytes(StandardCharsets.UTF_8),
                "global/zz.toml", LoadLimits.DEFAULT))
                .hasMessage("global/zz.toml:2:12: expected a value (a \"quoted string\", a number, true or false, a "
                        + "date, an [array] or an {inline table}), found an unquoted word (put text in quotes: "
                        + "key = \"text\")");
    }

    @Test
    void integers_outside_64_bits_are_rejected() {
        assertThat(at(parse("a = -9223372036854775808\n"), "a").toPlain()).isEqualTo(Long.MIN_VALUE);
        assertThatThrownBy(() -> parse("a = 9223372036854775808\n"))
                .hasMessageContaining("expected an integer within 64 bits");
    }

    @Test
    void render_writes_a_document_that_parses_back_to_the_same_values() {
        Map<String, Object> plain = new LinkedHashMap<>();
        plain.put("title", "quote \" backslash \\ tab \t newline \n bell \u0007 unicode é");
        plain.put("count", 42L);
        plain.put("ratio", 0.25);
        plain.put("big", 1e300);
        plain.put("nan", Double.NaN);
        plain.put("neg-inf", Double.NEGATIVE_INFINITY);
        plain.put("on", true);
        plain.put("odt", OffsetDateTime.of(2024, 2, 29, 23, 59, 0, 0, ZoneOffset.ofHours(-5)));
        plain.put("ldt", LocalDateTime.of(2024, 1, 1, 0, 0));
        plain.put("ld", LocalDate.of(2024, 1, 1));
        plain.put("lt", LocalTime.of(12, 0, 0, 123_000_000));
        plain.put("key with.dot", "quoted key");
        plain.put("", "empty key");
        plain.put("empty", List.of());
        plain.put("mixed", List.of(1L, "two", List.of(3.5), Map.of("k", "v")));
        plain.put("server", Map.of("port", 8080L, "tls", Map.of("on", false)));
        plain.put("empty-table", Map.of());
        plain.put("svc", List.of(Map.of("name", "a", "env", Map.of("X", "1")), Map.of("name", "b")));
        ConfigNode tree = TomlEditorTest.of(plain);

        String text = codec.render(tree);
        ConfigNode back = codec.parse(text.getBytes(StandardCharsets.UTF_8), "out.toml", LoadLimits.DEFAULT);

        assertThat(back.sameValue(tree)).as(text).isTrue();
        assertThat(text).startsWith("title = ").contains("\n[server]\nport = 8080\n\n[server.tls]\non = false\n")
                .contains("\n[[svc]]\n").contains("\"key with.dot\" = \"quoted key\"");
    }

    @Test
    void render_refuses_what_toml_cannot_hold() {
        assertThatThrownBy(() -> codec.render(ConfigScalar.string("x", Origin.UNKNOWN)))
                .isInstanceOf(ConfigCicdException.class).hasMessageContaining("a TOML document is a table");
        assertThatThrownBy(() -> codec.render(TomlEditorTest.of(Map.of("a",
                List.of(ConfigScalar.nullValue(Origin.UNKNOWN))))))
                .isInstanceOf(ConfigCicdException.class).hasMessageContaining("TOML has no null value");
    }
}
