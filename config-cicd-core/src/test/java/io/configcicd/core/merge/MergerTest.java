package io.configcicd.core.merge;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.model.ConfigList;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Origin;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class MergerTest {

    private static final Origin BASE = Origin.of("global/base.yaml", 1, 1);
    private static final Origin PROD = Origin.of("environments/production.yaml", 1, 1);

    private static ConfigMap map(Origin o, Object... kv) {
        ConfigMap.Builder b = ConfigMap.builder(o);
        for (int i = 0; i < kv.length; i += 2) {
            b.put((String) kv[i], (ConfigNode) kv[i + 1]);
        }
        return b.build();
    }

    private static ConfigScalar s(Object v, String file, int line) {
        return ConfigScalar.of(v, Origin.of(file, line, 5));
    }

    @Test
    void mapsMergeKeyByKeyAndOverridesRememberWhatTheyReplaced() {
        ConfigMap base = map(BASE, "kgot", map(BASE,
                "reasoning_depth", s(3, "global/base.yaml", 3),
                "cache_ttl", s(3600, "global/base.yaml", 4)));
        ConfigMap prod = map(PROD, "kgot", map(PROD, "reasoning_depth", s(5, "environments/production.yaml", 2)));

        ConfigMap merged = Merger.merge(List.of(base, prod));

        ConfigMap kgot = (ConfigMap) merged.getOrNull("kgot");
        assertThat(kgot.toPlain()).isEqualTo(Map.of("reasoning_depth", 5L, "cache_ttl", 3600L));
        ConfigNode depth = kgot.getOrNull("reasoning_depth");
        assertThat(depth.origin().toString()).isEqualTo("environments/production.yaml:2:5");
        assertThat(depth.overridden()).hasSize(1);
        assertThat(depth.overridden().get(0).toPlain()).isEqualTo(3L);
        assertThat(depth.overridden().get(0).origin().toString()).isEqualTo("global/base.yaml:3:5");
        assertThat(kgot.getOrNull("cache_ttl").overridden()).isEmpty();
    }

    @Test
    void listsReplaceInsteadOfConcatenating() {
        ConfigMap base = map(BASE, "langs", ConfigList.of(List.of(s("python", "b", 1), s("js", "b", 2)), BASE));
        ConfigMap prod = map(PROD, "langs", ConfigList.of(List.of(s("go", "p", 1)), PROD));

        assertThat(Merger.merge(List.of(base, prod)).toPlain()).isEqualTo(Map.of("langs", List.of("go")));
    }

    @Test
    void explicitNullInAnOverrideDeletesTheKey() {
        ConfigMap base = map(BASE, "debug_ui", s(true, "b", 1), "keep", s(1, "b", 2));
        ConfigMap prod = map(PROD, "debug_ui", ConfigScalar.nullValue(PROD));

        ConfigMap merged = Merger.merge(List.of(base, prod));

        assertThat(merged.containsKey("debug_ui")).isFalse();
        assertThat(merged.toPlain()).isEqualTo(Map.of("keep", 1L));
    }

    @Test
    void aScalarCanReplaceAMappingAndTheChainGrowsAcrossLayers() {
        ConfigMap a = map(BASE, "x", s(1, "global/a.yaml", 1));
        ConfigMap b = map(BASE, "x", s(2, "global/b.yaml", 1));
        ConfigMap c = map(PROD, "x", map(PROD, "nested", s(3, "environments/p.yaml", 2)));

        ConfigNode x = Merger.merge(List.of(a, b, c)).getOrNull("x");

        assertThat(x.toPlain()).isEqualTo(Map.of("nested", 3L));
        assertThat(x.overridden()).extracting(n -> n.origin().file()).containsExactly("global/b.yaml", "global/a.yaml");
    }

    @Test
    void keyOrderFollowsTheBaseThenNewKeysOfTheOverride() {
        ConfigMap base = map(BASE, "b", s(1, "f", 1), "a", s(2, "f", 2));
        ConfigMap prod = map(PROD, "c", s(3, "p", 1), "b", s(4, "p", 2));

        assertThat(Merger.merge(List.of(base, prod)).entries().keySet()).containsExactly("b", "a", "c");
    }

    @Test
    void aKeyDeletedByOneLayerCanBeSetAgainByALaterOne() {
        ConfigMap a = map(BASE, "x", s(1, "global/a.yaml", 1));
        ConfigMap b = map(BASE, "x", ConfigScalar.nullValue(BASE));
        ConfigMap c = map(PROD, "x", s(3, "environments/p.yaml", 1));

        ConfigNode x = Merger.merge(List.of(a, b, c)).getOrNull("x");

        assertThat(x.toPlain()).isEqualTo(3L);
        assertThat(x.overridden()).isEmpty();
    }

    @Test
    void mappingsSpreadOverManyLayersMergeIntoOne() {
        List<ConfigMap> layers = new java.util.ArrayList<>();
        for (int i = 0; i < 50; i++) {
            layers.add(map(BASE, "services", map(BASE, "svc" + i, s(i, "global/" + i + ".yaml", 2)),
                    "shared", s(i, "global/" + i + ".yaml", 3)));
        }
        ConfigMap merged = Merger.merge(layers);

        assertThat(((ConfigMap) merged.getOrNull("services")).size()).isEqualTo(50);
        assertThat(merged.getOrNull("shared").toPlain()).isEqualTo(49L);
        assertThat(merged.getOrNull("shared").overridden()).hasSize(49);
        assertThat(merged.getOrNull("shared").overridden().get(0).origin().file()).isEqualTo("global/48.yaml");
    }
}
