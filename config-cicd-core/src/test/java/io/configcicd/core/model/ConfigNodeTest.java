package io.configcicd.core.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class ConfigNodeTest {

    @Test
    void theTypeNameWithItsArticleSaysAnBeforeAVowel() {
        assertThat(ConfigScalar.integer(5, Origin.UNKNOWN).typeNameWithArticle()).isEqualTo("an integer");
        assertThat(ConfigScalar.string("x", Origin.UNKNOWN).typeNameWithArticle()).isEqualTo("a string");
        assertThat(ConfigScalar.floating(1.5, Origin.UNKNOWN).typeNameWithArticle()).isEqualTo("a float");
        assertThat(ConfigMap.empty(Origin.UNKNOWN).typeNameWithArticle()).isEqualTo("a mapping");
        assertThat(ConfigList.of(List.of(), Origin.UNKNOWN).typeNameWithArticle()).isEqualTo("a list");
    }
}
