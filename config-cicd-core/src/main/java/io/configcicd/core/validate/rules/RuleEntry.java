package io.configcicd.core.validate.rules;

import io.configcicd.core.model.ConfigList;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.ScalarType;
import io.configcicd.core.repo.SettingsEntry;
import java.math.BigDecimal;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** One entry of {@code rules:} being read: typed field access whose errors name the entry and file:line. */
final class RuleEntry extends SettingsEntry {

    RuleEntry(ConfigMap map, String label) {
        super(map, label);
    }

    /** Rejects fields outside {@code allowed}, listing the ones that a rule of this type may have. */
    void onlyFields(Set<String> allowed, String type) {
        onlyFields(allowed, " for type " + type, "the fields of a " + type + " rule are ");
    }

    List<ConfigNode> scalars(String field, String example) {
        ConfigNode n = required(field, example);
        if (!(n instanceof ConfigList l) || l.size() == 0) {
            throw wrong(field, n, "a non-empty list", example);
        }
        for (ConfigNode item : l.items()) {
            if (!(item instanceof ConfigScalar)) {
                throw wrong(field + "[]", item, "a scalar (string, number, boolean)", example);
            }
        }
        return l.items();
    }

    Optional<BigDecimal> optNumber(String field, String example) {
        if (!has(field)) {
            return Optional.empty();
        }
        ConfigNode n = node(field);
        if (n instanceof ConfigScalar s && (s.type() == ScalarType.INTEGER || s.type() == ScalarType.FLOAT)) {
            try {
                return Optional.of(new BigDecimal(s.value().toString()));
            } catch (NumberFormatException e) {
                throw wrong(field, n, "a finite number", example);
            }
        }
        throw wrong(field, n, "a number", example);
    }

    Optional<Quantity> optQuantity(String field, String example) {
        if (!has(field)) {
            return Optional.empty();
        }
        ConfigNode n = node(field);
        if (n instanceof ConfigScalar s && s.type() != ScalarType.BOOLEAN) {
            Optional<Quantity> q = Quantity.tryParse(s.asText());
            if (q.isPresent()) {
                return q;
            }
        }
        throw wrong(field, n, "a quantity such as 512Mi, 2Gi, 1GB, 1.5 or 500m", example);
    }
}
