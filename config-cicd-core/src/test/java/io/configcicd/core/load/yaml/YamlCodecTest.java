package io.configcicd.core.load.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowable;

import io.configcicd.core.load.ConfigParseException;
import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.load.ParseErrors;
import io.configcicd.core.model.ConfigList;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Origin;
import io.configcicd.core.model.ScalarType;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class YamlCodecTest {

    private static final String FILE = "environments/prod.yaml";
    private final YamlCodec codec = new YamlCodec();

    private ConfigNode parse(String yaml) {
        return parse(yaml, LoadLimits.DEFAULT);
    }

    private ConfigNode parse(String yaml, LoadLimits limits) {
        return codec.parse(yaml.getBytes(StandardCharsets.UTF_8), FILE, limits);
    }

    private ConfigScalar scalar(String yamlValue) {
        return (ConfigScalar) ((ConfigMap) parse("v: " + yamlValue + "\n")).getOrNull("v");
    }

    @Test
    void every_value_and_key_knows_its_line_and_column() {
        ConfigMap root = (ConfigMap) parse("# settings\nservices:\n  api:\n    port: 8080\n    hosts:\n      - a\n");
        ConfigMap api = (ConfigMap) ((ConfigMap) root.getOrNull("services")).getOrNull("api");
        assertThat(api.getOrNull("port").origin()).isEqualTo(Origin.of(FILE, 4, 11));
        assertThat(api.keyOrigin("port")).isEqualTo(Origin.of(FILE, 4, 5));
        assertThat(((ConfigList) api.getOrNull("hosts")).get(0).origin()).isEqualTo(Origin.of(FILE, 6, 9));
    }

    @Test
    void plain_scalars_follow_the_yaml_1_2_core_schema() {
        assertThat(scalar("yes").value()).isEqualTo("yes");
        assertThat(scalar("off").value()).isEqualTo("off");
        assertThat(scalar("True").value()).isEqualTo(true);
        assertThat(scalar("FALSE").value()).isEqualTo(false);
        assertThat(scalar("~").isNull()).isTrue();
        assertThat(scalar("Null").isNull()).isTrue();
        assertThat(scalar("").isNull()).isTrue();
        assertThat(scalar("0x1F").value()).isEqualTo(31L);
        assertThat(scalar("0o17").value()).isEqualTo(15L);
        assertThat(scalar("012").value()).isEqualTo(12L);
        assertThat(scalar(".inf").value()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(scalar("-.Inf").value()).isEqualTo(Double.NEGATIVE_INFINITY);
        assertThat((Double) scalar(".nan").value()).isNaN();
        assertThat(scalar("1e3").value()).isEqualTo(1000.0);
        assertThat(scalar("2001-12-14").value()).isEqualTo("2001-12-14");
        assertThat(scalar("1_000").value()).isEqualTo("1_000");
    }

    @Test
    void a_number_beyond_the_range_of_a_double_is_refused_at_its_position_while_inf_stays_infinity() {
        for (String n : new String[] {"1e400", "-1E+400", "!!float 1e400", "[1e400]", "1e-400", "-0.5e-400"}) {
            assertThatThrownBy(() -> parse("a: 1\nb: " + n + "\n")).as(n).isInstanceOf(ConfigParseException.class)
                    .hasMessageStartingWith(FILE + ":2:")
                    .hasMessageContaining("number out of range: a 64-bit floating-point number cannot hold it")
                    .hasMessageContaining("quote it to store it as text");
        }
        assertThat(scalar("0.0e-400").value()).isEqualTo(0.0);
        assertThat(scalar(".inf").value()).isEqualTo(Double.POSITIVE_INFINITY);
        assertThat(scalar("'1e400'").value()).isEqualTo("1e400");
        assertThat(scalar("1.7e308").value()).isEqualTo(1.7e308);
    }

    @Test
    void a_syntax_error_never_quotes_the_value_it_stops_at_and_says_what_was_expected_at_line_and_column() {
        String[] broken = {
            "user: app\npassword: !!int hunter2Sup3r\n",
            "user: app\npassword: !!bool hunter2Sup3r\n",
            "user: app\npassword: \"hunter2Sup3r\n",
            "user: app\npassword: 'hunter2Sup3r\n",
            "user: app\npassword: [hunter2Sup3r\n",
            "user: app\npassword: {a: hunter2Sup3r\n",
            "user: app\npassword: \"hunter2\\qSup3r\"\n",
            "user: app\npassword: \"x\" hunter2Sup3r\n",
            "user: app\npassword: [a] hunter2Sup3r\n",
            "user: app\npassword: hunter2Sup3r: x\n",
            "user: app\npassword: {a: 1}}hunter2Sup3r\n",
            "user: app\npassword: *hunter2Sup3r\n",
            "user: app\npassword: !hunter2Sup3r\n",
            "user: app\npassword: !!hunter2Sup3r x\n",
        };
        for (String bad : broken) {
            ConfigParseException e = (ConfigParseException) catchThrowable(() -> parse(bad));
            assertThat(e).as(bad).isNotNull();
            assertThat(e.origin().line()).as(bad).isEqualTo(2);
            if (!bad.contains("!h") && !bad.contains("!!h") && !bad.contains("*")) {
                ParseErrors.assertSaysWhatWasExpectedAndShowsNone(e, bad, "hunter2", "Sup3r");
            } else {
                assertThat(e.getMessage()).as(bad).doesNotContain("hunter2")
                        .containsPattern("\\(1[34] characters, not shown\\)").contains("quote the value");
            }
        }
    }

    @Test
    void quoted_scalars_are_always_strings() {
        assertThat(scalar("\"true\"").value()).isEqualTo("true");
        assertThat(scalar("'12'").value()).isEqualTo("12");
        assertThat(scalar("\"\"").value()).isEqualTo("");
        assertThat(scalar("'null'").type()).isEqualTo(ScalarType.STRING);
    }

    @Test
    void core_tags_convert_and_other_tags_are_rejected_with_their_name_and_line() {
        assertThat(scalar("!!str 12").value()).isEqualTo("12");
        assertThat(scalar("!!int \"12\"").value()).isEqualTo(12L);
        assertThat(scalar("!!float 1").value()).isEqualTo(1.0);
        assertThatThrownBy(() -> parse("a: 1\nb: !!python/object:os.system ls\n"))
                .isInstanceOf(ConfigParseException.class).hasMessageStartingWith(FILE + ":2:4: tag (25 characters, "
                        + "not shown) is not supported");
        assertThatThrownBy(() -> parse("a: !Ref bucket\n"))
                .isInstanceOf(ConfigParseException.class).hasMessageContaining(FILE + ":1:")
                .hasMessageContaining("'!Ref'");
        assertThatThrownBy(() -> parse("a: !Sub\n  x: 1\n")).isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("'!Sub'");
    }

    @Test
    void anchors_and_aliases_resolve() {
        ConfigMap root = (ConfigMap) parse("base: &b {x: 1}\nname: &n svc\ncopy: *b\nalso: *n\n");
        assertThat(root.getOrNull("copy").toPlain()).isEqualTo(Map.of("x", 1L));
        assertThat(root.getOrNull("also").toPlain()).isEqualTo("svc");
        assertThatThrownBy(() -> parse("a: *nowhere\n")).isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("*nowhere");
    }

    @Test
    void billion_laughs_is_rejected_by_the_alias_limit() {
        StringBuilder yaml = new StringBuilder("l0: &l0 [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n");
        for (int i = 1; i <= 9; i++) {
            yaml.append("l").append(i).append(": &l").append(i).append(" [");
            for (int j = 0; j < 9; j++) {
                yaml.append(j == 0 ? "" : ", ").append("*l").append(i - 1);
            }
            yaml.append("]\n");
        }
        assertThatThrownBy(() -> parse(yaml.toString())).isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("more than 100 alias references")
                .hasMessageContaining("raise limits.max_aliases in config-cicd.yaml");
    }

    @Test
    void a_second_document_is_rejected() {
        assertThatThrownBy(() -> parse("a: 1\n---\nb: 2\n")).isInstanceOf(ConfigParseException.class)
                .hasMessageContaining(FILE + ":3:1")
                .hasMessageContaining("a configuration file holds one YAML document")
                .hasMessageContaining("split the documents into separate files");
    }

    @Test
    void a_duplicate_key_is_rejected_naming_the_key_and_its_second_position() {
        assertThatThrownBy(() -> parse("db:\n  port: 1\n  port: 2\n")).isInstanceOf(ConfigParseException.class)
                .hasMessageContaining(FILE + ":3:3").hasMessageContaining("duplicate key 'port'");
    }

    @Test
    void a_list_or_mapping_as_key_is_rejected() {
        assertThatThrownBy(() -> parse("? [a, b]\n: 1\n")).isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("mapping key must be a plain value");
    }

    @Test
    void limits_are_enforced() {
        assertThatThrownBy(() -> parse("a:\n  b:\n    c:\n      d: 1\n", LoadLimits.DEFAULT.withMaxDepth(3)))
                .isInstanceOf(ConfigParseException.class).hasMessageContaining("deeper than 3");
        assertThatThrownBy(() -> parse("a: " + "x".repeat(30) + "\n", LoadLimits.DEFAULT.withMaxStringLength(10)))
                .isInstanceOf(ConfigParseException.class).hasMessageContaining("longer than 10 characters");
        assertThatThrownBy(() -> parse("a: " + "9".repeat(30) + "\n", LoadLimits.DEFAULT.withMaxNumberLength(10)))
                .isInstanceOf(ConfigParseException.class).hasMessageContaining("number literal longer than 10");
        assertThatThrownBy(() -> parse("a: " + "x".repeat(100) + "\n", LoadLimits.DEFAULT.withMaxDocumentBytes(50)))
                .isInstanceOf(ConfigParseException.class).hasMessageContaining("larger than the limit of 50 bytes");
    }

    @Test
    void a_syntax_error_names_line_and_column_without_parser_internals() {
        assertThatThrownBy(() -> parse("a: [1, 2\nb: 3\n")).isInstanceOf(ConfigParseException.class)
                .satisfies(e -> {
                    ConfigParseException p = (ConfigParseException) e;
                    assertThat(p.origin().line()).isPositive();
                    assertThat(p.getMessage()).doesNotContainIgnoringCase("jackson").doesNotContain("Exception");
                    assertThat(p.hint()).contains("YAML syntax");
                });
    }

    @Test
    void invalid_utf8_is_rejected_with_its_line() {
        byte[] bytes = "a: 1\nb: x\n".getBytes(StandardCharsets.UTF_8);
        bytes[8] = (byte) 0xC3;
        assertThatThrownBy(() -> codec.parse(bytes, FILE, LoadLimits.DEFAULT))
                .isInstanceOf(ConfigParseException.class).hasMessageContaining(FILE + ":2:");
    }

    @Test
    void an_empty_file_or_only_comments_is_an_empty_mapping() {
        assertThat(parse("")).isEqualTo(ConfigMap.empty(Origin.file(FILE)));
        assertThat(((ConfigMap) parse("# nothing yet\n\n")).isEmpty()).isTrue();
    }

    @Test
    void render_round_trips_values_and_types() {
        Map<String, Object> plain = new LinkedHashMap<>();
        plain.put("yes", "yes");
        plain.put("version", "1.10");
        plain.put("count", 3L);
        plain.put("ratio", 0.25);
        plain.put("enabled", true);
        plain.put("nothing", null);
        plain.put("empty", "");
        plain.put("tricky", "a: b # c\n\"quoted\"\ttab");
        plain.put("hash", "#x");
        plain.put("list", List.of("true", 1L, Map.of("k", "v"), List.of("nested")));
        plain.put("map", Map.of("inner", "value"));
        plain.put("emptyList", List.of());
        plain.put("emptyMap", Map.of());
        ConfigMap original = (ConfigMap) parse(new io.configcicd.core.load.json.JsonCodec().render(
                toNode(plain)));
        String yaml = codec.render(original);
        assertThat(yaml).contains("count: 3\n").contains("version: \"1.10\"\n").contains("list:\n  - \"true\"\n");
        ConfigNode back = parse(yaml);
        assertThat(back.sameValue(original)).as(yaml).isTrue();
    }

    private static ConfigNode toNode(Object plain) {
        if (plain instanceof Map<?, ?> m) {
            ConfigMap.Builder b = ConfigMap.builder(Origin.UNKNOWN);
            m.forEach((k, v) -> b.put((String) k, toNode(v)));
            return b.build();
        }
        if (plain instanceof List<?> l) {
            return ConfigList.of(l.stream().map(YamlCodecTest::toNode).toList(), Origin.UNKNOWN);
        }
        return ConfigScalar.of(plain, Origin.UNKNOWN);
    }

    @Test
    void ordinary_configuration_styles_still_load_under_the_strict_checks() {
        assertThat(parse("url: http://x/#anchor\n").toPlain()).isEqualTo(Map.of("url", "http://x/#anchor"));
        assertThat(parse("key: value # comment\na: \"x\" # c\n").toPlain()).isEqualTo(Map.of("key", "value", "a", "x"));
        assertThat(parse("key: [\n  a, b\n]\n").toPlain()).isEqualTo(Map.of("key", List.of("a", "b")));
        assertThat(parse("key: {\n  a: 1\n}\n").toPlain()).isEqualTo(Map.of("key", Map.of("a", 1L)));
        assertThat(parse("text: a long\n  plain value\n").toPlain()).isEqualTo(Map.of("text", "a long plain value"));
        assertThat(parse("key:\tvalue\n").toPlain()).isEqualTo(Map.of("key", "value"));
    }

    @Test
    void a_comment_glued_to_a_value_is_an_error_at_the_hash() {
        assertThatThrownBy(() -> parse("a: \"x\"# c\n"))
                .isInstanceOf(ConfigParseException.class)
                .hasMessageContaining(FILE + ":1:7");
    }

    @Test
    void yaml_that_the_previous_parser_refused_loads() {
        assertThat(parse("{a\n  : 1, b: :x}\n").toPlain()).isEqualTo(Map.of("a", 1L, "b", ":x"));
        assertThat(parse("k: |+\n  a\n  \n").toPlain()).isEqualTo(Map.of("k", "a\n\n"));
        assertThat(parse("%YAML 1.2 # version\n---\nkey: [a, !!str, b]\n").toPlain())
                .isEqualTo(Map.of("key", List.of("a", "", "b")));
        assertThat(parse("a: &x*y 1\nb: *x*y\n").toPlain()).isEqualTo(Map.of("a", 1L, "b", 1L));
    }

    @Test
    void a_tab_cannot_indent_block_structure() {
        assertThatThrownBy(() -> parse("a:\n\tb: 1\n")).isInstanceOf(ConfigParseException.class)
                .hasMessageContaining(FILE + ":2:2").hasMessageContaining("tab");
    }

    @Test
    void errors_point_at_the_cause() {
        assertThatThrownBy(() -> parse("a: 1\nb: \"open\n")).isInstanceOf(ConfigParseException.class)
                .hasMessageContaining(FILE + ":2:4").hasMessageContaining("expected the closing quote");
        assertThatThrownBy(() -> parse("a: b: c\n")).isInstanceOf(ConfigParseException.class)
                .hasMessageContaining(FILE + ":1:5");
        assertThatThrownBy(() -> parse("flow: [a,\nb]\n")).isInstanceOf(ConfigParseException.class)
                .hasMessageContaining(FILE + ":2:1").hasMessageContaining("indented");
        assertThatThrownBy(() -> parse("a: \"\\q\"\n")).isInstanceOf(ConfigParseException.class)
                .hasMessageContaining(FILE + ":1:5").hasMessageContaining("escape");
    }

    @Test
    void collections_start_at_their_first_entry() {
        ConfigMap root = (ConfigMap) parse("services:\n  api:\n    - a\nflow: {x: 1}\n");
        assertThat(root.origin()).isEqualTo(Origin.of(FILE, 1, 1));
        assertThat(((ConfigMap) root.getOrNull("services")).getOrNull("api").origin()).isEqualTo(Origin.of(FILE, 3, 5));
        assertThat(root.getOrNull("flow").origin()).isEqualTo(Origin.of(FILE, 4, 7));
    }
}
