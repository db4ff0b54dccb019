package io.configcicd.core.repo.edit;

import static io.configcicd.core.repo.edit.YamlEditorTest.list;
import static io.configcicd.core.repo.edit.YamlEditorTest.map;
import static io.configcicd.core.repo.edit.YamlEditorTest.num;
import static io.configcicd.core.repo.edit.YamlEditorTest.str;
import static io.configcicd.core.repo.edit.YamlEditorTest.withLines;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigPath;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

class JsonEditorTest {

    static final String FILE = "global/base.json";
    static final String TWO = """
            {
              "kgot": {
                "reasoning_depth": 3,
                "graph_store": "neo4j"
              },
              "features": ["web_search", "code_exec"],
              "port": 8080
            }
            """;
    static final String FOUR = TWO.replace("  ", "    ");

    private final JsonEditor editor = new JsonEditor();
    private final JsonMapper json = new JsonMapper();

    private String set(String text, String path, ConfigNode value) {
        return editor.set(text, ConfigPath.parse(path), value, FILE);
    }

    private String remove(String text, String path) {
        return editor.remove(text, ConfigPath.parse(path), FILE);
    }

    @Test
    void settingOneValueChangesOnlyItsLine() {
        assertThat(set(TWO, "kgot.reasoning_depth", num(4)).lines())
                .containsExactlyElementsOf(withLines(TWO, 3, "    \"reasoning_depth\": 4,"));
        assertThat(set(FOUR, "kgot.graph_store", str("pg \"16\"")).lines())
                .containsExactlyElementsOf(withLines(FOUR, 4, "        \"graph_store\": \"pg \\\"16\\\"\""));
    }

    @Test
    void aNewNestedKeyFollowsTheSiblingsIndentationInTwoAndFourSpaceFiles() {
        String two = set(TWO, "kgot.retrieval.top_k", num(5));
        String four = set(FOUR, "kgot.retrieval.top_k", num(5));

        List<String> expectedTwo = new ArrayList<>(withLines(TWO, 4, "    \"graph_store\": \"neo4j\","));
        expectedTwo.addAll(4, List.of("    \"retrieval\": {", "      \"top_k\": 5", "    }"));
        assertThat(two.lines()).containsExactlyElementsOf(expectedTwo);
        List<String> expectedFour = new ArrayList<>(withLines(FOUR, 4, "        \"graph_store\": \"neo4j\","));
        expectedFour.addAll(4, List.of("        \"retrieval\": {", "            \"top_k\": 5", "        }"));
        assertThat(four.lines()).containsExactlyElementsOf(expectedFour);
        assertThat(json.readTree(four).at("/kgot/retrieval/top_k").asInt()).isEqualTo(5);
    }

    @Test
    void aNewTopLevelKeyBecomesTheLastMember() {
        String out = set(TWO, "tags", list(str("a"), num(1)));

        assertThat(out).endsWith("  \"port\": 8080,\n  \"tags\": [\n    \"a\",\n    1\n  ]\n}\n");
        assertThat(json.readTree(out).at("/tags/1").asInt()).isEqualTo(1);
    }

    @Test
    void aOneLineObjectStaysOnOneLine() {
        String text = "{\"a\": {\"b\": 1}, \"c\": [1, 2]}";

        assertThat(set(text, "a.d", map("e", str("f"))))
                .isEqualTo("{\"a\": {\"b\": 1, \"d\": {\"e\": \"f\"}}, \"c\": [1, 2]}");
        assertThat(set(text, "c[1]", num(3))).isEqualTo("{\"a\": {\"b\": 1}, \"c\": [1, 3]}");
        assertThat(set("{}", "a", num(1))).isEqualTo("{\n  \"a\": 1\n}");
    }

    @Test
    void aReplacedObjectIsRenderedAtItsIndentation() {
        String out = set(TWO, "kgot", map("x", list(num(1))));

        assertThat(out).startsWith("{\n  \"kgot\": {\n    \"x\": [\n      1\n    ]\n  },\n  \"features\"");
    }

    @Test
    void removingMembersKeepsTheCommasRight() {
        String first = remove(TWO, "kgot.reasoning_depth");
        String last = remove(TWO, "port");
        String item = remove(TWO, "features[1]");

        assertThat(first.lines()).containsExactlyElementsOf(withLines(TWO, 3, null));
        assertThat(last.lines()).containsExactlyElementsOf(withLines(TWO, 6, "  \"features\": [\"web_search\", "
                + "\"code_exec\"]", 7, null));
        assertThat(item).contains("\"features\": [\"web_search\"],");
        assertThat(remove(remove(TWO, "kgot.reasoning_depth"), "kgot.graph_store")).startsWith("{\n  \"kgot\": {},");
        for (String out : List.of(first, last, item)) {
            assertThat(json.readTree(out).isObject()).isTrue();
        }
    }

    @Test
    void removingAnAbsentKeyLeavesTheTextAsItIs() {
        assertThat(remove(TWO, "kgot.nope")).isSameAs(TWO);
        assertThat(remove(TWO, "port.nope")).isSameAs(TWO);
    }

    @Test
    void commentsAreKept() {
        String text = "{\n  // depth of reasoning\n  \"depth\": 3 /* max 10 */\n}\n";

        assertThat(set(text, "depth", num(4)))
                .isEqualTo("{\n  // depth of reasoning\n  \"depth\": 4 /* max 10 */\n}\n");
    }

    @Test
    void stringsThatLookLikeNumbersStayStrings() {
        JsonNode out = json.readTree(set(TWO, "port", str("8081")));

        assertThat(out.get("port").isString()).isTrue();
    }

    @Test
    void aPathThroughAScalarIsAnErrorNamingTheLine() {
        assertThatThrownBy(() -> set(TWO, "port.number", num(1)))
                .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                    assertThat(e.origin().line()).isEqualTo(7);
                    assertThat(e.getMessage()).startsWith("global/base.json:7").contains("port is a scalar");
                });
        assertThatThrownBy(() -> set(TWO, "features[2]", num(1)))
                .isInstanceOfSatisfying(ConfigCicdException.class, e -> assertThat(e.origin().line()).isEqualTo(6));
    }

    @Test
    void anIndexUnderAMissingKeyNamesTheFullPathOfTheMissingList() {
        assertThatThrownBy(() -> set(TWO, "kgot.list[5]", num(1)))
                .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                    assertThat(e.problem()).isEqualTo("cannot set kgot.list[5]: there is no list at kgot.list to index"
                            + " into (kgot has no key 'list')");
                    assertThat(e.origin().file()).isEqualTo(FILE);
                    assertThat(e.origin().line()).isEqualTo(2);
                });
        assertThatThrownBy(() -> set(TWO, "new.list[0]", num(1)))
                .isInstanceOfSatisfying(ConfigCicdException.class, e -> assertThat(e.problem())
                        .contains("there is no list at new.list to index into (the document has no key 'new')"));
    }

    @Test
    void anEmptyFileBecomesAnObject() {
        assertThat(set("", "a.b", num(1))).isEqualTo("{\n  \"a\": {\n    \"b\": 1\n  }\n}\n");
    }
}
