package io.configcicd.core.validate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.InputFormat;
import com.networknt.schema.serialization.BasicNodeReader;
import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.JsonNode;

class TreeReaderTest {

    @ParameterizedTest
    @ValueSource(strings = {"0.1", "1.0", "-0.0", "1e2", "1e400", "0.1000000000000000000001", "3.141592653589793238",
            "5", "-2147483649", "5000000000", "123456789012345678901234567890", "\"x\\u0001\\\"/\\u00e9\"",
            "[1, 2.5, null, true, false, {\"a\": {}, \"b\": []}]", "{\"minimum\": 0, \"multipleOf\": 0.01}"})
    void readsJsonIntoTheNodesNetworkntsOwnReaderMakes(String json) {
        JsonNode theirs = BasicNodeReader.getInstance().readTree(json, InputFormat.JSON);
        JsonNode ours = TreeReader.INSTANCE.readTree(json, InputFormat.JSON);

        assertThat(ours).isEqualTo(theirs);
        assertThat(theirs).isEqualTo(ours);
        assertThat(ours.getNodeType()).isEqualTo(theirs.getNodeType());
        assertThat(ours.numberType()).isEqualTo(theirs.numberType());
        assertThat(ours.toString()).isEqualTo(theirs.toString());
    }

    @Test
    void readsTheDraft202012MetaSchemasAsNetworkntDoes() throws IOException {
        for (String resource : List.of("draft/2020-12/schema", "draft/2020-12/meta/core", "draft/2020-12/meta/applicator",
                "draft/2020-12/meta/validation", "draft/2020-12/meta/unevaluated", "draft/2020-12/meta/content",
                "draft/2020-12/meta/meta-data", "draft/2020-12/meta/format-annotation")) {
            JsonNode theirs;
            JsonNode ours;
            try (InputStream a = resource(resource); InputStream b = resource(resource)) {
                theirs = BasicNodeReader.getInstance().readTree(a, InputFormat.JSON);
                ours = TreeReader.INSTANCE.readTree(b, InputFormat.JSON);
            }
            assertThat(ours).as(resource).isEqualTo(theirs);
        }
    }

    @Test
    void handsATreeThatIsAlreadyBuiltOverWithoutReadingIt() throws IOException {
        JsonNode tree = TreeReader.INSTANCE.readTree("{\"type\": \"object\"}", InputFormat.JSON);

        try (InputStream in = TreeReader.source(tree).getInputStream()) {
            assertThat(TreeReader.INSTANCE.readTree(in, InputFormat.YAML)).isSameAs(tree);
        }
    }

    private static InputStream resource(String name) {
        InputStream in = TreeReaderTest.class.getClassLoader().getResourceAsStream(name);
        assertThat(in).as(name).isNotNull();
        return in;
    }
}
