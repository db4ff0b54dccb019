package io.configcicd.core.impact;

import io.configcicd.core.model.RiskLevel;

import io.configcicd.core.diff.Change;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.ScalarType;
import io.configcicd.core.model.Severity;
import io.configcicd.core.security.SecretMasker;
import io.configcicd.core.security.crypto.SecretChange;
import io.configcicd.core.validate.Finding;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Rates one change of one environment: the base level of the first matching rule, then the change modifiers
 * (removal, type change, numeric cut), then the environment modifier, then the floors (a secret added, removed or
 * rotated is at least HIGH; an introduced ERROR finding at the change's path at least HIGH, a CRITICAL one
 * CRITICAL).
 */
final class ChangeRater {

    private final RiskRules rules;
    private final String environment;
    private final boolean isProtected;

    ChangeRater(RiskRules rules, String environment, boolean isProtected) {
        this.rules = rules;
        this.environment = environment;
        this.isProtected = isProtected;
    }

    AssessedChange rate(Change c, List<Finding> introduced) {
        RiskModifiers m = rules.modifiers();
        RiskRule rule = rules.ruleFor(c.path());
        List<String> reasons = new ArrayList<>();
        RiskLevel level = rule.level();
        reasons.add(rule.reason() + " (" + rule.glob() + "): " + level.word());
        if (c.type() == Change.Type.REMOVED && m.removalRaise()) {
            level = level.raise();
            reasons.add("key removed: raised to " + level.word());
        }
        Optional<String> typeChange = typeChange(c);
        if (typeChange.isPresent() && m.typeChangeRaise()) {
            level = level.raise();
            reasons.add(typeChange.get() + ": raised to " + level.word());
        }
        Optional<String> cut = numericCut(c, m.numericCutRaise());
        if (cut.isPresent()) {
            level = level.raise();
            reasons.add(cut.get() + ": raised to " + level.word());
        }
        if (isProtected && m.protectedRaise()) {
            level = level.raise();
            reasons.add("protected environment " + environment + ": raised to " + level.word());
        } else if (m.developmentLower() && m.loweredEnvironments().contains(environment)) {
            level = level.lower();
            reasons.add("development environment " + environment + ": lowered to " + level.word());
        }
        Optional<SecretChange> secret = c.secret().filter(s -> s != SecretChange.UNCHANGED);
        if (secret.isPresent() && !level.atLeast(RiskLevel.HIGH)) {
            level = RiskLevel.HIGH;
            reasons.add("secret " + secret.get().word() + ": at least high");
        } else if (secret.isPresent()) {
            reasons.add("secret " + secret.get().word());
        }
        for (Finding f : introduced) {
            if (covers(f.path(), c.path())) {
                RiskLevel floor = floor(f.severity());
                level = RiskLevel.max(level, floor);
                reasons.add("introduces " + f.severity().word() + " finding [" + f.ruleId() + "]: " + f.message()
                        + (floor == RiskLevel.LOW ? "" : ": at least " + floor.word()));
            }
        }
        return new AssessedChange(c.path(), c.type(),
                shown(c, c.before(), c.type() != Change.Type.ADDED), shown(c, c.after(), c.type() != Change.Type.REMOVED),
                level, reasons, c.afterOrigin().or(c::beforeOrigin), secret.map(SecretChange::word), List.of());
    }

    /** The level a finding of this severity sets at least: ERROR high, CRITICAL critical, else none (LOW). */
    static RiskLevel floor(Severity severity) {
        return switch (severity) {
            case CRITICAL -> RiskLevel.CRITICAL;
            case ERROR -> RiskLevel.HIGH;
            default -> RiskLevel.LOW;
        };
    }

    /** Whether a finding at {@code at} concerns a change at {@code changed}: same path, inside it, or a parent. */
    static boolean covers(ConfigPath at, ConfigPath changed) {
        return at.startsWith(changed) || (!at.isRoot() && changed.startsWith(at));
    }

    private static Optional<String> shown(Change c, Optional<ConfigNode> value, boolean present) {
        if (c.isSecret()) {
            return present ? Optional.of(SecretMasker.MASK) : Optional.empty();
        }
        return value.map(v -> v instanceof ConfigScalar s ? s.asText() : String.valueOf(v.toPlain()));
    }

    private static Optional<String> typeChange(Change c) {
        if (c.type() != Change.Type.MODIFIED || c.before().isEmpty() || c.after().isEmpty()) {
            return Optional.empty();
        }
        ConfigNode b = c.before().get();
        ConfigNode a = c.after().get();
        if (b.isNull() || a.isNull() || b.typeName().equals(a.typeName())) {
            return Optional.empty();
        }
        return Optional.of("type changed from " + b.typeName() + " to " + a.typeName());
    }

    private static Optional<String> numericCut(Change c, double fraction) {
        if (fraction <= 0 || c.type() != Change.Type.MODIFIED) {
            return Optional.empty();
        }
        Optional<Double> b = number(c.before());
        Optional<Double> a = number(c.after());
        if (b.isEmpty() || a.isEmpty() || b.get() <= 0 || a.get() >= b.get() * (1 - fraction)) {
            return Optional.empty();
        }
        long percent = Math.round((1 - a.get() / b.get()) * 100);
        return Optional.of("value cut by " + percent + "% (more than " + Math.round(fraction * 100) + "%)");
    }

    private static Optional<Double> number(Optional<ConfigNode> node) {
        if (node.isPresent() && node.get() instanceof ConfigScalar s
                && (s.type() == ScalarType.INTEGER || s.type() == ScalarType.FLOAT) && s.value() instanceof Number n) {
            return Optional.of(n.doubleValue());
        }
        return Optional.empty();
    }
}
