package io.configcicd.core.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class ConfigPathTest {

    @Test
    void parsesDottedKeysIndexesAndQuotedKeys() {
        ConfigPath p = ConfigPath.parse("alita.environment_manager.supported_languages[1]");
        assertThat(p.segments()).containsExactly(new ConfigPath.Key("alita"), new ConfigPath.Key("environment_manager"),
                new ConfigPath.Key("supported_languages"), new ConfigPath.Index(1));
        assertThat(ConfigPath.parse("labels.\"app.kubernetes.io/name\"").segments())
                .containsExactly(new ConfigPath.Key("labels"), new ConfigPath.Key("app.kubernetes.io/name"));
    }

    @Test
    void printsACanonicalFormThatParsesBack() {
        for (String text : new String[] {"a.b.c", "a[0].b", "x.\"y.z\"[2]", "m[0][1]"}) {
            ConfigPath p = ConfigPath.parse(text);
            assertThat(p.toString()).isEqualTo(text);
            assertThat(ConfigPath.parse(p.toString())).isEqualTo(p);
        }
    }

    @Test
    void rejectsMalformedPathsWithThePosition() {
        assertThatThrownBy(() -> ConfigPath.parse("a..b")).hasMessageContaining("character 3");
        assertThatThrownBy(() -> ConfigPath.parse("a.")).hasMessageContaining("ends with");
        assertThatThrownBy(() -> ConfigPath.parse("a[x]")).hasMessageContaining("list index");
    }
}
