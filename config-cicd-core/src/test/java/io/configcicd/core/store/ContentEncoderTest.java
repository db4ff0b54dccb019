package io.configcicd.core.store;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.load.json.JsonCodec;
import io.configcicd.core.load.yaml.YamlCodec;
import io.configcicd.core.model.ConfigMap;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class ContentEncoderTest {

    private static final String YAML = """
            kgot:
              num_next_steps_decision: 5
              temperature: 2.5
              enabled: true
              name: KGoT "graph"
            alita:
              environment_manager:
                supported_languages: [python, javascript]
            features: {}
            labels:
              app.kubernetes.io/name: kgot
            empty_list: []
            nothing: null
            """;

    private static ConfigMap effective() {
        return (ConfigMap) new YamlCodec().parse(YAML.getBytes(StandardCharsets.UTF_8), "global/app.yaml",
                LoadLimits.DEFAULT);
    }

    @Test
    void keysHaveOneEntryPerLeafNamedByItsDottedPathWithTheTextOfArchitecture3a() {
        StoreContent.Keys keys = ContentEncoder.keys(effective());

        assertThat(keys.entries()).containsExactly(
                java.util.Map.entry("alita.environment_manager.supported_languages", "[\"python\",\"javascript\"]"),
                java.util.Map.entry("empty_list", "[]"),
                java.util.Map.entry("features", "{}"),
                java.util.Map.entry("kgot.enabled", "true"),
                java.util.Map.entry("kgot.name", "KGoT \"graph\""),
                java.util.Map.entry("kgot.num_next_steps_decision", "5"),
                java.util.Map.entry("kgot.temperature", "2.5"),
                java.util.Map.entry("labels.\"app.kubernetes.io/name\"", "kgot"),
                java.util.Map.entry("nothing", "null"));
    }

    @Test
    void listsOfMapsAreOneLeafOfCompactJson() {
        ConfigMap tree = (ConfigMap) new YamlCodec().parse(
                "probes:\n  - {name: health, timeout: 5, ok: [200, 204]}\n".getBytes(StandardCharsets.UTF_8),
                "f.yaml", LoadLimits.DEFAULT);

        assertThat(ContentEncoder.keys(tree).entries())
                .containsExactly(java.util.Map.entry("probes", "[{\"name\":\"health\",\"timeout\":5,\"ok\":[200,204]}]"));
    }

    @Test
    void aDocumentIsTheJsonOfTheWholeTreeAndReadsBackToTheSameValues() {
        StoreContent.Document doc = ContentEncoder.document(effective(), DocumentFormat.JSON);

        assertThat(doc.mediaType()).isEqualTo("application/json");
        assertThat(doc.text()).contains("\"num_next_steps_decision\": 5", "\"temperature\": 2.5");
        ConfigMap back = (ConfigMap) new JsonCodec().parse(doc.canonicalBytes(), "doc.json", LoadLimits.DEFAULT);
        assertThat(back.sameValue(effective())).isTrue();
    }

    @Test
    void aYamlDocumentReadsBackToTheSameValues() {
        StoreContent.Document doc = ContentEncoder.document(effective(), DocumentFormat.YAML);

        assertThat(doc.mediaType()).isEqualTo("application/yaml");
        ConfigMap back = (ConfigMap) new YamlCodec().parse(doc.canonicalBytes(), "doc.yaml", LoadLimits.DEFAULT);
        assertThat(back.sameValue(effective())).isTrue();
    }

    @Test
    void theSpecsLayoutAndFormatChooseTheEncoding() {
        TargetSpec keys = TargetSpecs.parse("t", java.util.Map.of("type", "file", "layout", "keys"), "dev",
                StoreProviders.installed());
        TargetSpec yaml = TargetSpecs.parse("t", java.util.Map.of("type", "file", "format", "yaml"), "dev",
                StoreProviders.installed());

        assertThat(ContentEncoder.encode(effective(), keys)).isEqualTo(ContentEncoder.keys(effective()));
        assertThat(ContentEncoder.encode(effective(), yaml)).isEqualTo(ContentEncoder.document(effective(), DocumentFormat.YAML));
    }

    @Test
    void theSameConfigurationHasTheSameHashWhateverTheOrderOfItsFiles() {
        ConfigMap a = (ConfigMap) new YamlCodec().parse("a: 1\nb: x\n".getBytes(StandardCharsets.UTF_8), "a.yaml",
                LoadLimits.DEFAULT);
        ConfigMap b = (ConfigMap) new YamlCodec().parse("b: x\na: 1\n".getBytes(StandardCharsets.UTF_8), "b.yaml",
                LoadLimits.DEFAULT);

        assertThat(ContentEncoder.keys(a).sha256()).isEqualTo(ContentEncoder.keys(b).sha256());
        assertThat(ContentEncoder.keys(a).sha256())
                .isEqualTo(StoreContent.sha256Hex("{\"a\":\"1\",\"b\":\"x\"}".getBytes(StandardCharsets.UTF_8)));
    }
}
