package io.configcicd.core.validate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaLocation;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.Format;
import io.configcicd.core.repo.Codecs;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import tools.jackson.databind.JsonNode;

/**
 * A {@link SchemaSet} hands networknt the trees of its documents as they are, with nodes of {@link CompactNodes};
 * it must judge every file exactly as networknt does when it reads the same schema text with its own reader.
 */
class SchemaSetTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            {"enum": [1, 2, 3]}                                        | 2
            {"enum": [1, 2, 3]}                                        | 2.0
            {"enum": [1, 2, 3]}                                        | 4
            {"enum": ["a", {"k": [1, "x"]}, null]}                     | {k: [1, x]}
            {"enum": ["a", {"k": [1, "x"]}, null]}                     | b
            {"const": {"a": 1.5, "b": "q\\"uote"}}                     | {a: 1.5, b: 'q"uote'}
            {"const": {"a": 1.5, "b": "q\\"uote"}}                     | {a: 1.50}
            {"multipleOf": 0.01}                                       | 0.3
            {"multipleOf": 0.01}                                       | 0.301
            {"type": "integer", "minimum": 10, "maximum": 5000000000}  | 5000000001
            {"type": "integer", "minimum": 10, "maximum": 5000000000}  | 9.0
            {"type": "integer", "exclusiveMinimum": 0.5}               | 1
            {"maximum": 123456789012345678901234567890}                | 123456789012345678901234567891
            {"uniqueItems": true, "minItems": 2, "maxItems": 3}        | [1, 1.0]
            {"uniqueItems": true, "minItems": 2, "maxItems": 3}        | [1, 2, 3, 4]
            {"type": "string", "minLength": 2, "pattern": "^[a-z]+$"}  | A
            {"properties": {"p": {"type": "number"}}, "required": ["q"], "additionalProperties": false} | {p: x, r: 1}
            """)
    void judgesEveryFileAsNetworkntDoesReadingTheSchemaTextItself(String schema, String yaml) {
        JsonNode instance = JsonTrees.toJson(Codecs.standard().of(Format.YAML).parse(yaml.getBytes(), "a.yaml",
                LoadLimits.DEFAULT));
        ConfigNode tree = Codecs.standard().of(Format.JSON).parse(schema.getBytes(), "s.json", LoadLimits.DEFAULT);
        Schema ours = new SchemaSet(Map.of("schemas/s.json", tree), SchemaOptions.DEFAULT, iri -> "")
                .documents().get(0).schema();
        Schema theirs = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12,
                        b -> b.schemas(Map.of(SchemaSet.BASE + "s.json", schema)))
                .getSchema(SchemaLocation.of(SchemaSet.BASE + "s.json"));

        assertThat(describe(ours.validate(instance))).isEqualTo(describe(theirs.validate(instance)));
    }

    private static List<String> describe(List<Error> errors) {
        return errors.stream().map(e -> e.getKeyword() + " at " + e.getInstanceLocation() + ": " + e.getMessage()).toList();
    }
}
