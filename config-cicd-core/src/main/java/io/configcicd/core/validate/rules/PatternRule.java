package io.configcicd.core.validate.rules;

import io.configcicd.core.model.PathGlob;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.validate.RuleContext;
import io.configcicd.core.validate.Violation;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;

/**
 * {@code type: pattern}: the text of every scalar the path finds matches the regular expression as a whole
 * (numbers and booleans as written); nulls are skipped, lists and mappings are violations.
 */
public final class PatternRule extends DeclaredRule {

    private final PathGlob path;
    private final Pattern regex;

    public PatternRule(RuleSpec spec, PathGlob path, Pattern regex) {
        super(spec);
        this.path = path;
        this.regex = regex;
    }

    @Override
    public List<Violation> check(RuleContext context) {
        List<Violation> out = new ArrayList<>();
        for (PathGlob.Match m : path.find(context.effective())) {
            if (m.node().isNull()) {
                continue;
            }
            if (!(m.node() instanceof ConfigScalar s)) {
                out.add(violation(m.path(), m.origin(), m.node(), "expected text matching /" + regex.pattern()
                        + "/, found a " + m.node().typeName()));
            } else if (!regex.matcher(s.asText()).matches()) {
                out.add(violation(m.path(), m.origin(), m.node(), show(m.path(), m.node())
                        + " does not match /" + regex.pattern() + "/"));
            }
        }
        return out;
    }
}
