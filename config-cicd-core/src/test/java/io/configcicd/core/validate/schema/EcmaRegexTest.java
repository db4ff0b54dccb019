package io.configcicd.core.validate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.Format;
import io.configcicd.core.repo.Codecs;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * {@code pattern} follows ECMA-262, as JSON Schema specifies, where Java's regular expressions differ: {@code $} does
 * not match before a final line break, {@code \s} and {@code \S} know Unicode's spaces, {@code \cX} takes the letter
 * modulo 32 whatever its case. Java escapes in the pattern text are written as JSON escapes ({@code \\u00a0}).
 */
class EcmaRegexTest {

    @ParameterizedTest(name = "{0} against \"{1}\" is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            ^[0-9]+$     | 8080               | true
            ^[0-9]+$     | 8080\\n            | false
            ^\\\\s$      | \\u00a0            | true
            ^\\\\s$      | \\u2003            | true
            ^\\\\s$      | \\ufeff            | true
            ^\\\\S$      | \\u00a0            | false
            ^\\\\S$      | x                  | true
            ^\\\\cc$     | \\u0003            | true
            ^\\\\cC$     | \\u0003            | true
            ^\\\\d$      | \\u0664            | false
            ^\\\\w+$     | café               | false
            ^[a-z]+$     | abc                | true
            """)
    void patternsFollowEcma262(String pattern, String value, boolean valid) {
        assertThat(matches(pattern, value)).isEqualTo(valid);
    }

    /** Whether {@code {"pattern": P}} accepts the string; both are JSON string contents (escapes as in JSON). */
    private static boolean matches(String pattern, String value) {
        ConfigNode schema = Codecs.standard().of(Format.JSON).parse(
                ("{\"pattern\": \"" + pattern + "\"}").getBytes(StandardCharsets.UTF_8), "s.json", LoadLimits.DEFAULT);
        ConfigNode data = Codecs.standard().of(Format.JSON).parse(
                ("\"" + value + "\"").getBytes(StandardCharsets.UTF_8), "d.json", LoadLimits.DEFAULT);
        SchemaSet set = new SchemaSet(Map.of("schemas/s.json", schema), SchemaOptions.DEFAULT, iri -> "");
        return set.documents().get(0).schema().validate(JsonTrees.toJson(data)).isEmpty();
    }
}
