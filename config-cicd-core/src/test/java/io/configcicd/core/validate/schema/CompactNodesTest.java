package io.configcicd.core.validate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.serialization.BasicNodeReader;
import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.model.Format;
import io.configcicd.core.repo.Codecs;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.JsonNode;

class CompactNodesTest {

    @ParameterizedTest
    @ValueSource(strings = {"{}", "[]", "null", "true", "\"\"", "\"tab\\there \\\\ \\\"quoted\\\" \\u0007 \\u2028 é 😀\"",
            "{\"a\": [1, -2, 3.5, 1.0E10, 1.0E-7, 12345678901234567890123, 0.30000000000000004, -0.0],"
                    + " \"b\": {\"c\": null, \"d\": false, \"\\u00e9\\n\": \"v\"}}",
            "[{\"enum\": [\"x\", 2, {\"k\": [true]}]}, 9007199254740993, 3.14159265358979323846]"})
    void writesTheCompactJsonThatJacksonWrites(String json) {
        JsonNode jacksons = BasicNodeReader.getInstance().readTree(json, InputFormat.JSON);
        JsonNode ours = TreeReader.INSTANCE.readTree(json, InputFormat.JSON);

        assertThat(ours.toString()).isEqualTo(jacksons.toString());
    }

    @Test
    void configurationTreesPrintAsJacksonPrintsThem() {
        String yaml = "name: svc\nport: 8080\nratio: 0.25\nbig: 123456789012345678901234567890\ntags: [a, 'b c']\n"
                + "nothing: null\nflag: true\nnested: {deep: [1, {x: y}]}\n";
        JsonNode ours = JsonTrees.toJson(Codecs.standard().of(Format.YAML).parse(yaml.getBytes(), "a.yaml",
                LoadLimits.DEFAULT));
        JsonNode jacksons = BasicNodeReader.getInstance().readTree(ours.toString(), InputFormat.JSON);

        assertThat(ours.toString()).isEqualTo(jacksons.toString());
        assertThat(ours.get("tags").toString()).isEqualTo("[\"a\",\"b c\"]");
    }

    @Test
    void nonFiniteDoublesAreQuotedAsJacksonQuotesThem() {
        JsonNode nan = CompactNodes.INSTANCE.numberNode(Double.NaN);
        JsonNode infinity = CompactNodes.INSTANCE.numberNode(Double.NEGATIVE_INFINITY);

        assertThat(nan.toString()).isEqualTo(tools.jackson.databind.node.JsonNodeFactory.instance.numberNode(Double.NaN)
                .toString());
        assertThat(infinity.toString()).isEqualTo("\"-Infinity\"");
    }
}
