package io.configcicd.core.validate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigNodes;
import io.configcicd.core.model.Format;
import io.configcicd.core.model.Origin;
import io.configcicd.core.repo.Codecs;
import io.configcicd.core.security.SecretMasker;
import io.configcicd.core.validate.RuleContext;
import io.configcicd.core.validate.Violation;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MessagesTest {

    private static final String SCHEMA = """
            {"type": "object", "properties": {
              "level": {"enum": ["INFO", "WARN"]},
              "name": {"type": "string", "pattern": "^[a-z]+$", "maxLength": 5},
              "api_key": {"type": "string", "pattern": "^\\\\$\\\\{"},
              "tags": {"type": "array", "minItems": 2, "uniqueItems": true},
              "mode": {"oneOf": [{"const": "a"}, {"const": "b"}]},
              "ratio": {"type": ["integer", "null"], "exclusiveMaximum": 1}
            }}
            """;

    @Test
    void messagesAreWrittenForPeopleAndMaskSecrets() {
        Map<String, Object> plain = new LinkedHashMap<>();
        plain.put("level", "DEBUG");
        plain.put("name", "Abcdefg");
        plain.put("api_key", "sk-live-123");
        plain.put("tags", List.of("x"));
        plain.put("mode", "c");
        plain.put("ratio", 2.5);

        List<String> messages = check(plain).stream().map(Violation::message).toList();

        assertThat(messages).anySatisfy(m -> assertThat(m).startsWith("level: must be one of [\"INFO\",\"WARN\"] (found \"DEBUG\")"))
                .anySatisfy(m -> assertThat(m).startsWith("name: must match the pattern \"^[a-z]+$\" (found \"Abcdefg\")"))
                .anySatisfy(m -> assertThat(m).startsWith("name: must be at most 5 characters long"))
                .anySatisfy(m -> assertThat(m).startsWith("tags: must have at least 2 items"))
                .anySatisfy(m -> assertThat(m).startsWith("mode: ").contains("[s.json#/properties/mode/oneOf]"))
                .anySatisfy(m -> assertThat(m).startsWith("ratio: must be an integer or a null, not a float (found 2.5)"))
                .anySatisfy(m -> assertThat(m).startsWith("api_key: must match the pattern").contains("(found ******)"));
        assertThat(String.join("\n", messages)).doesNotContain("sk-live-123");
    }

    private static List<Violation> check(Map<String, Object> plain) {
        ConfigNode schema = Codecs.standard().of(Format.JSON).parse(SCHEMA.getBytes(StandardCharsets.UTF_8), "s.json",
                LoadLimits.DEFAULT);
        JsonSchemaRule rule = new JsonSchemaRule(Map.of("schemas/s.json", schema),
                new SecretMasker(List.of("api_key")), false, SchemaOptions.DEFAULT);
        ConfigMap effective = (ConfigMap) ConfigNodes.fromPlain(plain, Origin.of("environments/dev.yaml", 1, 1));
        return rule.check(new RuleContext("dev", effective, false, Map.of()));
    }
}
