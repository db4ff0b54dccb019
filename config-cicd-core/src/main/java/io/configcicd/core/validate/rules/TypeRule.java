package io.configcicd.core.validate.rules;

import io.configcicd.core.model.PathGlob;
import io.configcicd.core.model.ConfigList;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.ScalarType;
import io.configcicd.core.validate.RuleContext;
import io.configcicd.core.validate.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/** {@code type: type}: every value the path finds has the expected type (null is not of any type). */
public final class TypeRule extends DeclaredRule {

    /** The types a rule can expect; {@code number} takes integers and floats. */
    public enum Expected {
        STRING, INTEGER, NUMBER, BOOLEAN, LIST, MAPPING;

        public String word() {
            return name().toLowerCase(Locale.ROOT);
        }

        boolean accepts(ConfigNode node) {
            return switch (this) {
                case STRING -> scalarOf(node, ScalarType.STRING);
                case INTEGER -> scalarOf(node, ScalarType.INTEGER);
                case NUMBER -> scalarOf(node, ScalarType.INTEGER) || scalarOf(node, ScalarType.FLOAT);
                case BOOLEAN -> scalarOf(node, ScalarType.BOOLEAN);
                case LIST -> node instanceof ConfigList;
                case MAPPING -> node instanceof ConfigMap;
            };
        }

        private static boolean scalarOf(ConfigNode node, ScalarType type) {
            return node instanceof ConfigScalar s && s.type() == type;
        }
    }

    private final PathGlob path;
    private final Expected expected;

    public TypeRule(RuleSpec spec, PathGlob path, Expected expected) {
        super(spec);
        this.path = path;
        this.expected = expected;
    }

    @Override
    public List<Violation> check(RuleContext context) {
        List<Violation> out = new ArrayList<>();
        for (PathGlob.Match m : path.find(context.effective())) {
            if (!expected.accepts(m.node())) {
                out.add(violation(m.path(), m.origin(), m.node(), "expected " + expected.word() + ", found "
                        + m.node().typeName() + " " + show(m.path(), m.node())));
            }
        }
        return out;
    }
}
