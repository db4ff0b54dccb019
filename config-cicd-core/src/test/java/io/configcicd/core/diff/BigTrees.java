package io.configcicd.core.diff;

import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Origin;

/** Large generated configurations for size and speed checks. */
final class BigTrees {

    private BigTrees() {
    }

    /**
     * {@code sections} sections of {@code keys} integer keys each; with {@code bump} 1 the first key of every
     * section (one key in {@code keys}) has another value.
     */
    static ConfigMap tree(int sections, int keys, int bump) {
        ConfigMap.Builder root = ConfigMap.builder(Origin.file("global/base.yaml"));
        for (int s = 0; s < sections; s++) {
            ConfigMap.Builder section = ConfigMap.builder(Origin.of("global/base.yaml", s + 1, 1));
            for (int k = 0; k < keys; k++) {
                long value = (long) s * keys + k + (k == 0 ? bump : 0);
                section.put("key" + k, ConfigScalar.integer(value, Origin.of("global/base.yaml", s * keys + k, 3)));
            }
            root.put(String.format("section%04d", s), section.build());
        }
        return root.build();
    }
}
