package io.configcicd.core.load.yaml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configcicd.core.load.ConfigParseException;
import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.Origin;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The YAML 1.1 merge key {@code <<} as the YAML codec reads it. */
class MergeKeyTest {

    private static final String FILE = "global/ci.yaml";

    private static ConfigMap parse(String yaml) {
        return parse(yaml, LoadLimits.DEFAULT);
    }

    private static ConfigMap parse(String yaml, LoadLimits limits) {
        return (ConfigMap) new YamlCodec().parse(yaml.getBytes(StandardCharsets.UTF_8), FILE, limits);
    }

    private static ConfigMap map(ConfigMap root, String key) {
        return (ConfigMap) root.getOrNull(key);
    }

    @Test
    void the_issue_example_merges_the_alias_and_the_explicit_key_wins() {
        ConfigMap root = parse("base: &base {a: 1, b: 2}\nsvc: {<<: *base, b: 3}\n");
        assertThat(root.getOrNull("svc").toPlain()).isEqualTo(Map.of("a", 1L, "b", 3L));
        assertThat(map(root, "svc").containsKey("<<")).isFalse();
    }

    @Test
    void merged_values_and_keys_keep_the_origin_where_they_were_written() {
        ConfigMap root = parse("""
                .defaults: &defaults
                  image: ruby:3.2
                  retry: 2
                test:
                  <<: *defaults
                  retry: 0
                """);
        ConfigMap test = map(root, "test");
        assertThat(test.toPlain()).isEqualTo(Map.of("image", "ruby:3.2", "retry", 0L));
        assertThat(test.getOrNull("image").origin()).isEqualTo(Origin.of(FILE, 2, 10));
        assertThat(test.keyOrigin("image")).isEqualTo(Origin.of(FILE, 2, 3));
        assertThat(test.getOrNull("retry").origin()).isEqualTo(Origin.of(FILE, 6, 10));
    }

    @Test
    void explicit_keys_win_wherever_they_are_written_and_merged_keys_sit_where_the_merge_key_is() {
        ConfigMap root = parse("a: &a {x: 1, y: 1, z: 1}\nc: {y: 0, <<: *a, z: 0, w: 0}\n");
        ConfigMap c = map(root, "c");
        assertThat(c.entries().keySet()).containsExactly("y", "x", "z", "w");
        assertThat(c.toPlain()).isEqualTo(Map.of("x", 1L, "y", 0L, "z", 0L, "w", 0L));
    }

    @Test
    void in_a_list_of_merges_an_earlier_mapping_wins_over_a_later_one() {
        ConfigMap root = parse("""
                a: &a {x: a, y: a}
                b: &b {y: b, z: b}
                c:
                  <<: [*a, *b]
                  w: c
                """);
        assertThat(map(root, "c").toPlain()).isEqualTo(Map.of("x", "a", "y", "a", "z", "b", "w", "c"));
        assertThat(map(root, "c").entries().keySet()).containsExactly("x", "y", "z", "w");
    }

    @Test
    void a_merge_is_shallow_and_an_inline_mapping_merges_too() {
        ConfigMap root = parse("a: &a {db: {host: h, port: 1}}\nc:\n  <<: *a\n  db: {port: 2}\nd: {<<: {k: v}}\n");
        assertThat(root.getOrNull("c").toPlain()).isEqualTo(Map.of("db", Map.of("port", 2L)));
        assertThat(root.getOrNull("d").toPlain()).isEqualTo(Map.of("k", "v"));
    }

    @Test
    void a_quoted_or_tagged_merge_key_is_an_ordinary_key() {
        assertThat(parse("a: &a {x: 1}\nc: {\"<<\": *a}\n").getOrNull("c").toPlain())
                .isEqualTo(Map.of("<<", Map.of("x", 1L)));
        assertThat(parse("c: {'<<': 1}\nd: {!!str <<: 2}\n").toPlain())
                .isEqualTo(Map.of("c", Map.of("<<", 1L), "d", Map.of("<<", 2L)));
    }

    @Test
    void a_merge_key_whose_value_is_not_a_mapping_is_an_error_at_its_line() {
        assertThatThrownBy(() -> parse("a: 1\nc:\n  <<: 5\n")).isInstanceOf(ConfigParseException.class)
                .hasMessageStartingWith(FILE + ":3:3: the merge key '<<' takes a mapping, an alias of one or a list of"
                        + " them, not an integer")
                .hasMessageContaining("quote \"<<\"");
        assertThatThrownBy(() -> parse("a: &a {x: 1}\nc:\n  <<: [*a, [1]]\n")).isInstanceOf(ConfigParseException.class)
                .hasMessageStartingWith(FILE + ":3:12: the merge key '<<' takes a list of mappings, but item 2 is a "
                        + "list");
        assertThatThrownBy(() -> parse("c:\n  <<:\n")).hasMessageStartingWith(FILE + ":2:3: the merge key");
    }

    @Test
    void a_mapping_takes_one_merge_key_and_the_merge_key_takes_no_anchor() {
        assertThatThrownBy(() -> parse("a: &a {x: 1}\nc: {<<: *a, <<: *a}\n"))
                .hasMessageStartingWith(FILE + ":2:13: a second merge key '<<' in one mapping");
        assertThatThrownBy(() -> parse("a: &a {x: 1}\nc: {&m <<: *a}\n"))
                .hasMessageContaining("the merge key '<<' cannot have an anchor");
    }

    @Test
    void an_anchored_mapping_with_a_merge_is_merged_again_through_its_alias() {
        ConfigMap root = parse("a: &a {x: 1}\nb: &b {<<: *a, y: 2}\nc: {<<: *b, z: 3}\n");
        assertThat(root.getOrNull("c").toPlain()).isEqualTo(Map.of("x", 1L, "y", 2L, "z", 3L));
        assertThatThrownBy(() -> parse("a: &a {<<: *a}\n")).hasMessageContaining("used inside the value it names");
    }

    @Test
    void an_alias_in_a_merge_counts_against_the_alias_limit() {
        String yaml = "a: &a {x: 1}\nb: {<<: *a}\nc: {<<: [*a, *a]}\n";
        assertThat(parse(yaml, LoadLimits.DEFAULT.withMaxAliases(3))).isNotNull();
        assertThatThrownBy(() -> parse(yaml, LoadLimits.DEFAULT.withMaxAliases(2)))
                .isInstanceOf(ConfigParseException.class).hasMessageStartingWith(FILE + ":3:14: more than 2 alias");
    }

    @Test
    void merges_cannot_copy_more_entries_than_the_document_is_long() {
        StringBuilder yaml = new StringBuilder("big: &big {");
        for (int i = 0; i < 2000; i++) {
            yaml.append(i == 0 ? "" : ", ").append('k').append(i).append(": 1");
        }
        yaml.append("}\n");
        for (int i = 0; i < 60; i++) {
            yaml.append('m').append(i).append(": {<<: *big}\n");
        }
        assertThatThrownBy(() -> parse(yaml.toString())).isInstanceOf(ConfigParseException.class)
                .hasMessageContaining("merge keys '<<' copy more than").hasMessageContaining("'billion laughs'")
                .satisfies(e -> assertThat(((ConfigParseException) e).origin().line()).isBetween(3, 61));
    }

    @Test
    void a_ci_file_with_a_template_merged_into_many_jobs_loads() {
        StringBuilder yaml = new StringBuilder(".defaults: &defaults\n");
        for (int i = 0; i < 12; i++) {
            yaml.append("  setting").append(i).append(": value").append(i).append('\n');
        }
        for (int i = 0; i < 90; i++) {
            yaml.append("job").append(i).append(":\n  <<: *defaults\n  script: [run ").append(i).append("]\n");
        }
        ConfigMap root = parse(yaml.toString());
        assertThat(map(root, "job89").size()).isEqualTo(13);
        assertThat(map(root, "job89").getOrNull("setting0").toPlain()).isEqualTo("value0");
        assertThat(map(root, "job89").getOrNull("script").toPlain()).isEqualTo(List.of("run 89"));
    }
}
