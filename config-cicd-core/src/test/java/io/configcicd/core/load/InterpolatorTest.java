package io.configcicd.core.load;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configcicd.core.ErrorKind;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Origin;
import java.util.Map;
import org.junit.jupiter.api.Test;

class InterpolatorTest {

    private static ConfigMap doc(String key, String value, int line) {
        return ConfigMap.builder(Origin.file("global/base.yaml"))
                .put(key, ConfigScalar.string(value, Origin.of("global/base.yaml", line, 10))).build();
    }

    private final Interpolator env = Interpolator.fromMap(Map.of("OPENAI_API_KEY", "sk-123", "PORT", "9000"));

    @Test
    void resolvesSetVariablesAndDefaults() {
        assertThat(env.resolve(doc("k", "${OPENAI_API_KEY}", 1)).toPlain()).isEqualTo(Map.of("k", "sk-123"));
        assertThat(env.resolve(doc("k", "http://h:${PORT:-8080}/x", 1)).toPlain()).isEqualTo(Map.of("k", "http://h:9000/x"));
        assertThat(env.resolve(doc("k", "${MISSING:-fallback}", 1)).toPlain()).isEqualTo(Map.of("k", "fallback"));
        assertThat(env.resolve(doc("k", "${MISSING:-}", 1)).toPlain()).isEqualTo(Map.of("k", ""));
    }

    @Test
    void doubleDollarEscapesAReference() {
        assertThat(env.resolve(doc("k", "literal $${PORT} and ${PORT}", 1)).toPlain())
                .isEqualTo(Map.of("k", "literal ${PORT} and 9000"));
    }

    @Test
    void unresolvedReferenceNamesFileLineAndVariable() {
        assertThatThrownBy(() -> env.resolve(doc("password", "${NEO4J_PASSWORD}", 7)))
                .isInstanceOf(UnresolvedReferenceException.class)
                .hasMessageContaining("global/base.yaml:7:10")
                .hasMessageContaining("NEO4J_PASSWORD")
                .satisfies(e -> assertThat(((UnresolvedReferenceException) e).kind()).isEqualTo(ErrorKind.BAD_INPUT));
    }

    @Test
    void resolvedValuesKeepTheirOrigin() {
        ConfigMap out = env.resolve(doc("k", "${PORT}", 4));
        assertThat(out.getOrNull("k").origin()).isEqualTo(Origin.of("global/base.yaml", 4, 10));
    }

    @Test
    void listsReferencesWithoutResolvingThem() {
        assertThat(Interpolator.references(doc("k", "a ${X} b ${Y:-1} $${Z}", 2)))
                .extracting(Interpolator.Reference::variable).containsExactly("X", "Y");
    }

    @Test
    void malformedReferencesAreErrorsAtTheirLine() {
        assertThatThrownBy(() -> env.resolve(doc("k", "${OPEN", 3))).hasMessageContaining("global/base.yaml:3:10");
        assertThatThrownBy(() -> env.resolve(doc("k", "${bad name}", 3))).hasMessageContaining("invalid variable name");
    }

    @Test
    void anInvalidNameThatIsReallyPartOfASecretIsNotQuoted() {
        assertThatThrownBy(() -> env.resolve(doc("password", "pa${hunter2 Sup3r!}", 3)))
                .hasMessageContaining("invalid variable name (14 characters, not shown)")
                .hasMessageNotContaining("hunter2");
    }
}
