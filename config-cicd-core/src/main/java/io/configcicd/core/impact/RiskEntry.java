package io.configcicd.core.impact;

import io.configcicd.core.model.RiskLevel;

import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Origin;
import io.configcicd.core.model.PathGlob;
import io.configcicd.core.model.ScalarType;
import io.configcicd.core.repo.SettingsEntry;

/** One mapping of the {@code risk:} section being read: typed field access whose errors name file:line. */
final class RiskEntry extends SettingsEntry {

    RiskEntry(ConfigMap map, String label) {
        super(map, label);
    }

    /** The entry at {@code node}, which must be a mapping. */
    static RiskEntry of(ConfigNode node, String label, Origin fallback, String example) {
        return new RiskEntry(mapping(node, label, fallback, example), label);
    }

    PathGlob glob(String field, String example) {
        String text = string(field, example);
        try {
            return PathGlob.parse(text);
        } catch (IllegalArgumentException e) {
            throw wrong(field, node(field), "a path glob (" + e.getMessage() + ")", example);
        }
    }

    RiskLevel level(String field, String example) {
        String text = string(field, example);
        try {
            return RiskLevel.parse(text);
        } catch (IllegalArgumentException e) {
            throw wrong(field, node(field), "low, medium, high or critical", example);
        }
    }

    /** A fraction in (0, 1); {@code false} gives 0 (disabled). */
    double fraction(String field, double otherwise, String example) {
        if (!has(field)) {
            return otherwise;
        }
        ConfigNode n = node(field);
        if (n instanceof ConfigScalar s && s.type() == ScalarType.BOOLEAN && !((Boolean) s.value())) {
            return 0;
        }
        if (n instanceof ConfigScalar s && (s.type() == ScalarType.INTEGER || s.type() == ScalarType.FLOAT)
                && s.value() instanceof Number number) {
            double d = number.doubleValue();
            if (d > 0 && d < 1) {
                return d;
            }
        }
        throw wrong(field, n, "a fraction between 0 and 1 (exclusive), or false", example);
    }
}
