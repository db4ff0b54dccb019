package io.configcicd.core.repo;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.model.ConfigList;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.ScalarType;
import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.List;

/**
 * The shape of the deploy sections of {@code config-cicd.yaml}, checked when the settings are read so that a mistake
 * is reported at its file:line by every command, not only by {@code deploy}:
 * <pre>
 * targets:                      # name -> entry; each entry is parsed by store.TargetSpecs when a deploy opens it
 *   local: {type: file, path: build/deployed}
 * deploy:
 *   max_change_ratio: 0.5       # a plan that deletes or changes more of a target's keys needs --force
 *   protected_keys: ["security.**", "database.*.password"]   # a plan touching these needs --force
 * environments:
 *   development: {targets: [local]}
 * monitor: {...}                # MonitorSettings
 * </pre>
 * The entries of {@code targets:} are checked by the store layer (it knows the installed types); here only that the
 * section is a mapping of names to mappings, and that each environment's {@code targets} name entries of it.
 */
public record DeploySettings(double maxChangeRatio, List<String> protectedKeys) {

    public static final String SECTION = "deploy";
    public static final String TARGETS = "targets";
    public static final String MAX_CHANGE_RATIO = "max_change_ratio";
    public static final String PROTECTED_KEYS = "protected_keys";
    public static final List<String> FIELDS = List.of(MAX_CHANGE_RATIO, PROTECTED_KEYS);
    public static final double DEFAULT_MAX_CHANGE_RATIO = 0.5;

    public DeploySettings {
        if (!(maxChangeRatio > 0 && maxChangeRatio <= 1)) {
            throw new IllegalArgumentException("maxChangeRatio must be in (0, 1]");
        }
        protectedKeys = List.copyOf(protectedKeys);
    }

    public static DeploySettings defaults() {
        return new DeploySettings(DEFAULT_MAX_CHANGE_RATIO, List.of());
    }

    /** The {@code deploy:} section of a settings document (defaults when absent); bad input at file:line. */
    public static DeploySettings from(ConfigMap doc) {
        targetNames(doc);
        ConfigNode node = doc.getOrNull(SECTION);
        if (node == null || node.isNull()) {
            return defaults();
        }
        if (!(node instanceof ConfigMap m)) {
            throw Settings.wrongShape(node, SECTION, "a mapping such as {max_change_ratio: 0.5, protected_keys: [security.**]}");
        }
        Settings.onlyKeys(m, SECTION + ".", FIELDS);
        double ratio = DEFAULT_MAX_CHANGE_RATIO;
        ConfigNode r = m.getOrNull(MAX_CHANGE_RATIO);
        if (r != null && !r.isNull()) {
            ratio = ratio(r);
        }
        List<String> keys = new ArrayList<>();
        ConfigNode k = m.getOrNull(PROTECTED_KEYS);
        if (k != null && !k.isNull()) {
            keys.addAll(strings(k, SECTION + "." + PROTECTED_KEYS));
        }
        return new DeploySettings(ratio, keys);
    }

    /** The names under {@code targets:}, in the order written; bad input when it is not a mapping of mappings. */
    public static List<String> targetNames(ConfigMap doc) {
        ConfigNode node = doc.getOrNull(TARGETS);
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!(node instanceof ConfigMap m)) {
            throw Settings.wrongShape(node, TARGETS, "a mapping of target names to settings such as {local: {type: file}}");
        }
        for (var e : m.entries().entrySet()) {
            if (!(e.getValue() instanceof ConfigMap)) {
                throw Settings.wrongShape(e.getValue(), TARGETS + "." + e.getKey(), "a mapping starting with type:");
            }
        }
        return List.copyOf(m.entries().keySet());
    }

    /** An environment's {@code targets}: a list of names of {@code targets:}; an unknown one names the known. */
    static List<String> environmentTargets(ConfigNode node, String where, List<String> known) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        List<String> names = strings(node, where + "." + TARGETS);
        List<ConfigNode> items = node instanceof ConfigList l ? l.items() : List.of(node);
        for (int i = 0; i < names.size(); i++) {
            if (!known.contains(names.get(i))) {
                throw ConfigCicdException.badInput(items.get(i).origin(), Settings.FILE_NAME + ": " + where
                        + ".targets names '" + names.get(i) + "', which is not under targets:", known.isEmpty()
                        ? "declare it under targets: (see docs/settings.md)"
                        : "the targets are " + String.join(", ", known));
            }
        }
        return names;
    }

    private static double ratio(ConfigNode n) {
        if (n instanceof ConfigScalar s && (s.type() == ScalarType.FLOAT || s.type() == ScalarType.INTEGER)) {
            double v = s.value() instanceof BigDecimal b ? b.doubleValue() : ((Number) s.value()).doubleValue();
            if (v > 0 && v <= 1) {
                return v;
            }
        }
        throw Settings.wrongShape(n, SECTION + "." + MAX_CHANGE_RATIO, "a number above 0 and at most 1, such as 0.5");
    }

    private static List<String> strings(ConfigNode node, String where) {
        List<ConfigNode> items = node instanceof ConfigList l ? l.items() : List.of(node);
        List<String> out = new ArrayList<>();
        for (ConfigNode item : items) {
            if (!(item instanceof ConfigScalar s) || s.type() != ScalarType.STRING || ((String) s.value()).isBlank()) {
                throw Settings.wrongShape(item, where, "a list of names");
            }
            out.add((String) s.value());
        }
        return out;
    }
}
