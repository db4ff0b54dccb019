package io.configcicd.core.repo.edit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.model.ConfigList;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Origin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

class YamlEditorTest {

    static final String FILE = "environments/prod.yaml";
    static final String PROD = """
            # Service configuration for production
            metadata:
              name: "kgot-service"   # display name
              version: 1.4.2

            # Knowledge graph of thoughts
            kgot:
              reasoning_depth: 3  # how deep the reasoning goes
              max_iterations: 10
              graph_store: 'neo4j'

              # retrieval settings
              retrieval:
                top_k: 5
                strategy: hybrid

            alita:
              environment_manager:
                supported_languages:
                  - python
                  - javascript
                timeout: 30

            features:
              - name: web_search
                enabled: true
              - name: code_exec
                enabled: false
            """;

    private final YamlEditor editor = new YamlEditor();
    private final YAMLMapper yaml = new YAMLMapper();

    static ConfigScalar str(String s) {
        return ConfigScalar.string(s, Origin.UNKNOWN);
    }

    static ConfigScalar num(long n) {
        return ConfigScalar.integer(n, Origin.UNKNOWN);
    }

    static ConfigMap map(Object... kv) {
        Map<String, ConfigNode> m = new LinkedHashMap<>();
        for (int i = 0; i < kv.length; i += 2) {
            m.put((String) kv[i], (ConfigNode) kv[i + 1]);
        }
        return ConfigMap.of(m, Origin.UNKNOWN);
    }

    static ConfigList list(ConfigNode... items) {
        return ConfigList.of(List.of(items), Origin.UNKNOWN);
    }

    private String set(String text, String path, ConfigNode value) {
        return editor.set(text, ConfigPath.parse(path), value, FILE);
    }

    /** The input with the given 1-based lines replaced (a null replacement deletes the line). */
    static List<String> withLines(String text, Object... lineAndText) {
        List<String> lines = new ArrayList<>(text.lines().toList());
        for (int i = lineAndText.length - 2; i >= 0; i -= 2) {
            int line = (Integer) lineAndText[i] - 1;
            if (lineAndText[i + 1] == null) {
                lines.remove(line);
            } else {
                lines.set(line, (String) lineAndText[i + 1]);
            }
        }
        return lines;
    }

    @Test
    void settingOneValueChangesOnlyItsLineAndKeepsTheTrailingComment() {
        String out = set(PROD, "kgot.reasoning_depth", num(4));

        assertThat(out.lines()).containsExactlyElementsOf(
                withLines(PROD, 8, "  reasoning_depth: 4  # how deep the reasoning goes"));
        assertThat(out).endsWith("\n");
    }

    @Test
    void newStringsKeepTheQuotingStyleOfTheOldValue() {
        String out = set(PROD, "metadata.name", str("kgot \"prod\""));
        out = set(out, "kgot.graph_store", str("it's postgres"));
        out = set(out, "kgot.retrieval.strategy", str("dense"));

        assertThat(out.lines()).containsExactlyElementsOf(withLines(PROD,
                3, "  name: \"kgot \\\"prod\\\"\"   # display name",
                10, "  graph_store: 'it''s postgres'",
                15, "    strategy: dense"));
        JsonNode tree = yaml.readTree(out);
        assertThat(tree.at("/metadata/name").asString()).isEqualTo("kgot \"prod\"");
        assertThat(tree.at("/kgot/graph_store").asString()).isEqualTo("it's postgres");
    }

    @Test
    void stringsThatLookLikeOtherTypesAreQuotedAndReadBackAsStrings() {
        for (String s : List.of("5", "true", "", "null", "1.5", "yes", "2024-01-01", "a: b", "x #y", "0x1F", "~")) {
            String out = set(PROD, "kgot.retrieval.strategy", str(s));

            JsonNode value = yaml.readTree(out).at("/kgot/retrieval/strategy");
            assertThat(value.isString()).as("%s reads back as a string", s).isTrue();
            assertThat(value.asString()).isEqualTo(s);
            assertThat(out.lines().toList()).hasSameSizeAs(PROD.lines().toList());
        }
        assertThat(set(PROD, "kgot.retrieval.strategy", str("5"))).contains("    strategy: \"5\"\n");
    }

    @Test
    void numbersAndBooleansAreWrittenPlainEvenWhereAStringWasQuoted() {
        String out = set(PROD, "metadata.name", ConfigScalar.bool(false, Origin.UNKNOWN));
        out = set(out, "features[1].enabled", ConfigScalar.bool(true, Origin.UNKNOWN));
        out = set(out, "kgot.max_iterations", ConfigScalar.floating(2.5, Origin.UNKNOWN));

        assertThat(out.lines()).containsExactlyElementsOf(withLines(PROD, 3, "  name: false   # display name",
                9, "  max_iterations: 2.5", 28, "    enabled: true"));
        assertThat(yaml.readTree(out).at("/kgot/max_iterations").isDouble()).isTrue();
    }

    @Test
    void aNewNestedKeyIsAppendedToItsParentWithTheSiblingsIndentation() {
        String out = set(PROD, "kgot.retrieval.rerank.model", str("bge-small"));

        List<String> expected = new ArrayList<>(PROD.lines().toList());
        expected.addAll(15, List.of("    rerank:", "      model: bge-small"));
        assertThat(out.lines()).containsExactlyElementsOf(expected);
        assertThat(yaml.readTree(out).at("/kgot/retrieval/rerank/model").asString()).isEqualTo("bge-small");
    }

    @Test
    void aNewTopLevelKeyGoesAtTheEndOfTheFile() {
        String out = set(PROD, "security.tls.enabled", ConfigScalar.bool(true, Origin.UNKNOWN));

        assertThat(out).isEqualTo(PROD + "security:\n  tls:\n    enabled: true\n");
    }

    @Test
    void newBlocksFollowTheFilesIndentationWidth() {
        String text = "a:\n    b: 1\n    c:\n        - x\n";
        String out = set(text, "a.d", map("e", list(str("p"), map("q", num(1), "r", num(2)))));

        assertThat(out).isEqualTo(text
                + "    d:\n        e:\n            - p\n            - q: 1\n              r: 2\n");
        assertThat(yaml.readTree(out).at("/a/d/e/1/r").asInt()).isEqualTo(2);
    }

    @Test
    void aBlockValueIsReRenderedAtTheIndentationOfTheExistingBlock() {
        String out = set(PROD, "alita.environment_manager.supported_languages", list(str("go"), str("rust"),
                str("8")));

        List<String> expected = withLines(PROD, 20, "      - go", 21, "      - rust");
        expected.add(21, "      - \"8\"");
        assertThat(out.lines()).containsExactlyElementsOf(expected);
        assertThat(yaml.readTree(out).at("/alita/environment_manager/supported_languages/2").isString()).isTrue();
    }

    @Test
    void aScalarReplacedByAMapMovesUnderItsKeyKeepingTheComment() {
        String out = set(PROD, "kgot.reasoning_depth", map("min", num(1), "max", num(5)));

        assertThat(out).contains("  reasoning_depth: # how deep the reasoning goes\n    min: 1\n    max: 5\n"
                + "  max_iterations: 10\n");
        assertThat(yaml.readTree(out).at("/kgot/reasoning_depth/max").asInt()).isEqualTo(5);
    }

    @Test
    void aMapReplacedByAScalarGoesBackOnTheKeyLine() {
        String out = set(PROD, "kgot.retrieval", str("off-the-shelf"));

        assertThat(out).contains("  # retrieval settings\n  retrieval: off-the-shelf\n\nalita:\n");
    }

    @Test
    void anEmptyValueCanBeFilledWithAScalarOrAMap() {
        String text = "a:\n  b:\n  c: 1 # c\n";

        assertThat(set(text, "a.b", num(2))).isEqualTo("a:\n  b: 2\n  c: 1 # c\n");
        assertThat(set(text, "a.b.x.depth", num(2))).isEqualTo("a:\n  b:\n    x:\n      depth: 2\n  c: 1 # c\n");
    }

    @Test
    void flowMappingsGetTheNewKeyInline() {
        String text = "limits: {cpu: 1}  # per pod\nempty: {}\n";

        String out = set(set(text, "limits.mem", str("2Gi")), "empty.k", str("a,b"));

        assertThat(out).isEqualTo("limits: {cpu: 1, mem: 2Gi}  # per pod\nempty: {k: \"a,b\"}\n");
        assertThat(yaml.readTree(out).at("/empty/k").asString()).isEqualTo("a,b");
    }

    @Test
    void anEmptyOrCommentOnlyFileGetsTheKeyAppended() {
        assertThat(set("", "a.b", num(1))).isEqualTo("a:\n  b: 1\n");
        assertThat(set("# nothing yet", "a", str("x"))).isEqualTo("# nothing yet\na: x\n");
    }

    @Test
    void removingAKeyDeletesItsLinesOnly() {
        String out = editor.remove(PROD, ConfigPath.parse("kgot.max_iterations"), FILE);

        assertThat(out.lines()).containsExactlyElementsOf(withLines(PROD, 9, null));
    }

    @Test
    void removingABlockDeletesItsWholeBlockAndKeepsTheNextKeysComment() {
        String out = editor.remove(PROD, ConfigPath.parse("metadata"), FILE);

        assertThat(out)
                .startsWith("# Service configuration for production\n\n# Knowledge graph of thoughts\nkgot:\n");
        assertThat(yaml.readTree(out).has("metadata")).isFalse();
    }

    @Test
    void removingListItemsAndTheLastKeyOfAMap() {
        String out = editor.remove(PROD, ConfigPath.parse("alita.environment_manager.supported_languages[0]"), FILE);
        out = editor.remove(out, ConfigPath.parse("features[0].name"), FILE);

        assertThat(out.lines()).containsExactlyElementsOf(withLines(PROD, 20, null, 25, "  - enabled: true", 26,
                null));
        assertThat(editor.remove("a:\n  b: 1\nc: 2\n", ConfigPath.parse("a.b"), FILE)).isEqualTo("a: {}\nc: 2\n");
        assertThat(editor.remove("x: {a: 1, b: 2}\n", ConfigPath.parse("x.b"), FILE)).isEqualTo("x: {a: 1}\n");
    }

    @Test
    void removingAnAbsentKeyLeavesTheTextAsItIs() {
        assertThat(editor.remove(PROD, ConfigPath.parse("kgot.nope.deeper"), FILE)).isSameAs(PROD);
        assertThat(editor.remove(PROD, ConfigPath.parse("features[7]"), FILE)).isSameAs(PROD);
    }

    @Test
    void aPathThroughAScalarIsAnErrorNamingTheLine() {
        assertThatThrownBy(() -> set(PROD, "kgot.reasoning_depth.max", num(1)))
                .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                    assertThat(e.origin().line()).isEqualTo(8);
                    assertThat(e.getMessage()).startsWith("environments/prod.yaml:8:")
                            .contains("kgot.reasoning_depth is a scalar");
                });
    }

    @Test
    void anIndexPastTheEndOfAListIsAnErrorNamingTheLine() {
        assertThatThrownBy(() -> set(PROD, "features[2].enabled", num(1)))
                .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                    assertThat(e.origin().line()).isEqualTo(25);
                    assertThat(e.problem()).contains("has 2 items");
                });
    }

    @Test
    void anIndexUnderAMissingKeyNamesTheFullPathOfTheMissingListAndWhatTheParentHolds() {
        assertThatThrownBy(() -> set(PROD, "kgot.list[5]", num(1)))
                .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                    assertThat(e.problem()).isEqualTo("cannot set kgot.list[5]: there is no list at kgot.list to index"
                            + " into (kgot has no key 'list')");
                    assertThat(e.origin().file()).isEqualTo(FILE);
                    assertThat(e.origin().line()).isEqualTo(8);
                    assertThat(e.hint()).contains("set kgot.list to a whole list");
                });
    }

    @Test
    void anIndexUnderAMissingTopLevelKeyNamesTheFullPathOfTheMissingList() {
        assertThatThrownBy(() -> set(PROD, "new.list[0]", num(1)))
                .isInstanceOfSatisfying(ConfigCicdException.class, e -> assertThat(e.problem())
                        .isEqualTo("cannot set new.list[0]: there is no list at new.list to index into"
                                + " (the document has no key 'new')"));
        assertThatThrownBy(() -> set("", "a.b[0].c", num(1)))
                .isInstanceOfSatisfying(ConfigCicdException.class, e -> assertThat(e.problem())
                        .isEqualTo("cannot set a.b[0].c: there is no list at a.b to index into (the document is empty)"));
    }

    @Test
    void anIndexUnderANullValueSaysTheValueIsNull() {
        assertThatThrownBy(() -> set("kgot:\n  cache:\n", "kgot.cache.items[0]", num(1)))
                .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                    assertThat(e.problem()).isEqualTo("cannot set kgot.cache.items[0]: there is no list at"
                            + " kgot.cache.items to index into (kgot.cache is null)");
                    assertThat(e.origin().line()).isEqualTo(2);
                });
    }

    @Test
    void windowsLineEndingsAreKept() {
        String text = "a:\r\n  b: 1\r\n";

        assertThat(set(text, "a.c", num(2))).isEqualTo("a:\r\n  b: 1\r\n  c: 2\r\n");
    }

    @Test
    void textWithCharactersOutsideTheBasicPlaneIsEditedAtTheRightPlace() {
        String text = "greeting: \"hi 😀\"\nn: 1 # one\n";

        assertThat(set(text, "n", num(2))).isEqualTo("greeting: \"hi 😀\"\nn: 2 # one\n");
    }
}
