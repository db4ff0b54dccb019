package io.configcicd.core.load.toml;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.model.ConfigList;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Origin;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class TomlEditorTest {

    private static final String DOC = """
            # Service configuration
            title = "demo"   # shown in the UI

            [server]
            # the port the server listens on
            port = 8080 # default
              host = "localhost"

            [db]
            url = "jdbc:x"   # primary
            point = { x = 1, y = 2 }
            ports = [1, 2, 3]
            """;

    private final TomlEditor editor = new TomlEditor();
    private final TomlCodec codec = new TomlCodec();

    /** A tree from plain Java values (also used by TomlCodecTest). */
    static ConfigNode of(Object plain) {
        if (plain instanceof ConfigNode n) {
            return n;
        }
        if (plain instanceof Map<?, ?> m) {
            Map<String, ConfigNode> entries = new LinkedHashMap<>();
            m.forEach((k, v) -> entries.put((String) k, of(v)));
            return ConfigMap.of(entries, Origin.UNKNOWN);
        }
        if (plain instanceof List<?> l) {
            return ConfigList.of(l.stream().map(TomlEditorTest::of).toList(), Origin.UNKNOWN);
        }
        return ConfigScalar.of(plain, Origin.UNKNOWN);
    }

    private Object plain(String text) {
        return codec.parseText(text, "app.toml", LoadLimits.DEFAULT).toPlain();
    }

    @Test
    void changing_a_value_changes_only_its_text() {
        String out = editor.set(DOC, ConfigPath.parse("server.port"), of(9090L), "app.toml");

        assertThat(out).isEqualTo(DOC.replace("port = 8080 # default", "port = 9090 # default"));
    }

    @Test
    void changing_a_string_escapes_it() {
        String out = editor.set(DOC, ConfigPath.parse("title"), of("say \"hi\""), "app.toml");

        assertThat(out).isEqualTo(DOC.replace("\"demo\"", "\"say \\\"hi\\\"\""));
        assertThat(((Map<?, ?>) plain(out)).get("title")).isEqualTo("say \"hi\"");
    }

    @Test
    void a_new_key_goes_at_the_end_of_its_table_with_its_indentation() {
        String out = editor.set(DOC, ConfigPath.parse("server.timeout"), of(30L), "app.toml");

        assertThat(out).isEqualTo(DOC.replace("  host = \"localhost\"\n",
                "  host = \"localhost\"\n  timeout = 30\n"));
    }

    @Test
    void a_new_root_key_goes_before_the_first_table() {
        String out = editor.set(DOC, ConfigPath.parse("version"), of("1.2"), "app.toml");

        assertThat(out).isEqualTo(DOC.replace("# shown in the UI\n", "# shown in the UI\nversion = \"1.2\"\n"));
    }

    @Test
    void a_missing_table_is_created_at_the_end_of_the_file() {
        String out = editor.set(DOC, ConfigPath.parse("cache.redis.ttl"), of(60L), "app.toml");

        assertThat(out).isEqualTo(DOC + "\n[cache.redis]\nttl = 60\n");
        assertThat(plain(out)).extracting("cache").isEqualTo(Map.of("redis", Map.of("ttl", 60L)));
    }

    @Test
    void a_new_mapping_value_becomes_a_table_block() {
        String out = editor.set(DOC, ConfigPath.parse("cache"), of(Map.of("ttl", 60L)), "app.toml");

        assertThat(out).isEqualTo(DOC + "\n[cache]\nttl = 60\n");
    }

    @Test
    void removing_a_key_removes_its_line_only() {
        String out = editor.remove(DOC, ConfigPath.parse("server.port"), "app.toml");

        assertThat(out).isEqualTo(DOC.replace("port = 8080 # default\n", ""));
        assertThat(plain(out)).extracting("server").isEqualTo(Map.of("host", "localhost"));
    }

    @Test
    void removing_a_table_removes_its_section() {
        String out = editor.remove(DOC, ConfigPath.parse("db"), "app.toml");

        assertThat(out).isEqualTo(DOC.substring(0, DOC.indexOf("[db]")));
    }

    @Test
    void removing_an_absent_key_leaves_the_text_unchanged() {
        assertThat(editor.remove(DOC, ConfigPath.parse("server.nothing"), "app.toml")).isSameAs(DOC);
    }

    @Test
    void an_inline_table_is_replaced_by_an_inline_table() {
        String out = editor.set(DOC, ConfigPath.parse("db.point"), of(Map.of("x", 5L)), "app.toml");

        assertThat(out).isEqualTo(DOC.replace("{ x = 1, y = 2 }", "{ x = 5 }"));
    }

    @Test
    void keys_inside_inline_tables_and_arrays_are_edited_in_place() {
        String out = editor.set(DOC, ConfigPath.parse("db.point.y"), of(7L), "app.toml");
        out = editor.set(out, ConfigPath.parse("db.ports[1]"), of(20L), "app.toml");
        out = editor.set(out, ConfigPath.parse("db.point.z"), of(9L), "app.toml");
        out = editor.remove(out, ConfigPath.parse("db.ports[0]"), "app.toml");

        assertThat(out).isEqualTo(DOC.replace("{ x = 1, y = 2 }", "{ x = 1, y = 7, z = 9 }")
                .replace("[1, 2, 3]", "[20, 3]"));
    }

    @Test
    void a_table_replaced_by_a_mapping_is_written_in_its_place() {
        String out = editor.set(DOC, ConfigPath.parse("server"), of(Map.of("port", 1L)), "app.toml");

        String before = DOC.substring(0, DOC.indexOf("[server]"));
        String after = DOC.substring(DOC.indexOf("[db]"));
        assertThat(out).isEqualTo(before + "[server]\nport = 1\n\n" + after);
    }

    @Test
    void a_table_replaced_by_a_scalar_becomes_a_key_of_its_parent() {
        String out = editor.set(DOC, ConfigPath.parse("server"), of("none"), "app.toml");

        assertThat(plain(out)).extracting("server").isEqualTo("none");
        assertThat(out).startsWith("# Service configuration\ntitle = \"demo\"   # shown in the UI\nserver = \"none\"\n");
    }

    @Test
    void dotted_keys_are_extended_with_dotted_keys() {
        String text = "[a]\nb.c = 1 # c\n\n[z]\n";

        String out = editor.set(text, ConfigPath.parse("a.b.d"), of(2L), "app.toml");

        assertThat(out).isEqualTo("[a]\nb.c = 1 # c\nb.d = 2\n\n[z]\n");
        assertThat(editor.set(text, ConfigPath.parse("a.b"), of(Map.of("e", 3L)), "app.toml"))
                .isEqualTo("[a]\nb = { e = 3 }\n\n[z]\n");
    }

    @Test
    void crlf_and_a_missing_final_newline_are_respected() {
        String text = "# c\r\n[a]\r\nx = 1";

        String out = editor.set(text, ConfigPath.parse("a.y"), of(true), "app.toml");

        assertThat(out).isEqualTo("# c\r\n[a]\r\nx = 1\r\ny = true\r\n");
    }

    @Test
    void paths_through_arrays_of_tables_are_refused() {
        String text = "[[svc]]\nname = \"a\"\n";

        assertThatThrownBy(() -> editor.set(text, ConfigPath.parse("svc[0].name"), of("b"), "app.toml"))
                .isInstanceOf(ConfigCicdException.class)
                .hasMessageContaining("array of tables [[svc]]");
    }

    @Test
    void paths_through_a_scalar_are_refused_with_its_line() {
        assertThatThrownBy(() -> editor.set(DOC, ConfigPath.parse("title.x"), of(1L), "app.toml"))
                .isInstanceOf(ConfigCicdException.class)
                .hasMessageContaining("app.toml:2:9")
                .hasMessageContaining("'title' is a string, not a table");
    }

    @Test
    void an_unparseable_document_is_reported() {
        assertThatThrownBy(() -> editor.set("a = \n", ConfigPath.parse("a"), of(1L), "app.toml"))
                .isInstanceOf(ConfigCicdException.class)
                .hasMessageContaining("app.toml:1:5");
    }

    @Test
    void edits_give_the_expected_tree() {
        String out = editor.set(DOC, ConfigPath.parse("server.port"), of(1L), "app.toml");
        out = editor.remove(out, ConfigPath.parse("db"), "app.toml");
        out = editor.set(out, ConfigPath.parse("features"), of(List.of(Map.of("n", "x"), Map.of("n", "y"))),
                "app.toml");

        assertThat(plain(out)).isEqualTo(Map.of("title", "demo",
                "server", Map.of("port", 1L, "host", "localhost"),
                "features", List.of(Map.of("n", "x"), Map.of("n", "y"))));
        assertThat(out).contains("[[features]]\nn = \"x\"\n\n[[features]]\nn = \"y\"\n");
    }
}
