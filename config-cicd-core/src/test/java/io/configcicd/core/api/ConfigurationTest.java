package io.configcicd.core.api;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configcicd.core.model.ConfigList;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Origin;
import io.configcicd.core.model.Scope;
import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigurationTest {

    private static final Origin O = Origin.of("global/base.yaml", 2, 3);

    private final Configuration config = new Configuration(Scope.GLOBAL, "production", ConfigMap.builder(O)
            .put("kgot", ConfigMap.builder(O)
                    .put("num_next_steps_decision", ConfigScalar.integer(5, O))
                    .put("port", ConfigScalar.string("8080", O))
                    .put("ratio", ConfigScalar.floating(0.5, O))
                    .put("enabled", ConfigScalar.bool(true, O))
                    .put("name", ConfigScalar.string("kgot", O))
                    .put("langs", ConfigList.of(List.of(ConfigScalar.string("python", O), ConfigScalar.string("go", O)), O))
                    .build())
            .build());

    @Test
    void typedGetFollowsTheDefaultsType() {
        assertThat(config.get("kgot.num_next_steps_decision", 3)).isEqualTo(5);
        assertThat(config.get("kgot.num_next_steps_decision", 3L)).isEqualTo(5L);
        assertThat(config.get("kgot.num_next_steps_decision", 1.0)).isEqualTo(5.0);
        assertThat(config.getInt("kgot.port", 0)).isEqualTo(8080);
        assertThat(config.getBoolean("kgot.enabled", false)).isTrue();
        assertThat(config.getString("kgot.num_next_steps_decision", "")).isEqualTo("5");
        assertThat(config.getList("kgot.langs")).containsExactly("python", "go");
        assertThat(config.get("kgot.langs[1]", "")).isEqualTo("go");
    }

    @Test
    void missingPathsGiveTheDefault() {
        assertThat(config.get("kgot.max_retrieve_query_retry", 2)).isEqualTo(2);
        assertThat(config.get("nothing.here.at.all", "gpt-4")).isEqualTo("gpt-4");
        assertThat(config.get("kgot.name.deeper")).isNull();
    }

    @Test
    void aValueThatCannotBeConvertedNamesItsFileAndLine() {
        assertThatThrownBy(() -> config.get("kgot.name", 3))
                .hasMessageContaining("global/base.yaml:2:3")
                .hasMessageContaining("kgot.name");
        assertThatThrownBy(() -> config.get("kgot.ratio", 3)).hasMessageContaining("kgot.ratio");
    }
}
