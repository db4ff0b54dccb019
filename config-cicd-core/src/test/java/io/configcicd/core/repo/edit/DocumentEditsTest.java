package io.configcicd.core.repo.edit;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.model.ConfigList;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Origin;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;
import tools.jackson.dataformat.yaml.YAMLMapper;

class DocumentEditsTest {

    private final YAMLMapper yaml = new YAMLMapper();

    /** The tree of a YAML text, as the loader would give it (origins are not needed here). */
    private ConfigNode tree(String text) {
        return convert(yaml.readTree(text));
    }

    private static ConfigNode convert(JsonNode n) {
        if (n.isObject()) {
            ConfigMap.Builder b = ConfigMap.builder(Origin.UNKNOWN);
            for (Map.Entry<String, JsonNode> e : n.properties()) {
                b.put(e.getKey(), convert(e.getValue()));
            }
            return b.build();
        }
        if (n.isArray()) {
            List<ConfigNode> items = new ArrayList<>();
            n.values().forEach(v -> items.add(convert(v)));
            return ConfigList.of(items, Origin.UNKNOWN);
        }
        if (n.isNull() || n.isMissingNode()) {
            return ConfigScalar.nullValue(Origin.UNKNOWN);
        }
        if (n.isBoolean()) {
            return ConfigScalar.bool(n.booleanValue(), Origin.UNKNOWN);
        }
        if (n.isIntegralNumber()) {
            return ConfigScalar.integer(n.longValue(), Origin.UNKNOWN);
        }
        if (n.isNumber()) {
            return ConfigScalar.floating(n.doubleValue(), Origin.UNKNOWN);
        }
        return ConfigScalar.string(n.asString(), Origin.UNKNOWN);
    }

    @Test
    void savingANewTreeEditsOnlyTheChangedKeysAndKeepsEveryComment() {
        String text = YamlEditorTest.PROD;
        String wanted = text.replace("reasoning_depth: 3", "reasoning_depth: 5")
                .replace("  max_iterations: 10\n", "")
                .replace("      - javascript\n", "      - javascript\n      - go\n")
                + "security:\n  audit: true\n";

        String out = DocumentEdits.replaceDocument(new YamlEditor(), text, tree(text), tree(wanted), "prod.yaml");

        assertThat(out).isEqualTo(wanted);
    }

    @Test
    void anUnchangedTreeLeavesTheTextAsItIs() {
        String text = YamlEditorTest.PROD;

        assertThat(DocumentEdits.replaceDocument(new YamlEditor(), text, tree(text), tree(text), "prod.yaml"))
                .isSameAs(text);
    }

    @Test
    void jsonDocumentsAreEditedInPlaceToo() {
        String text = JsonEditorTest.TWO;
        String wanted = text.replace("    \"reasoning_depth\": 3,\n", "").replace("8080", "9090");

        String out = DocumentEdits.replaceDocument(new JsonEditor(), text, tree(text), tree(wanted), "base.json");

        assertThat(out).isEqualTo(wanted);
    }

    @Test
    void newKeysArriveInTheOrderOfTheNewTree() {
        String text = "# keep me\na: 1\n";
        String wanted = "# keep me\na: 1\nz: 1\nb:\n  c: true\n";

        String out = DocumentEdits.replaceDocument(new YamlEditor(), text, tree(text), tree(wanted), "x.yaml");

        assertThat(out).isEqualTo(wanted);
    }
}
