package io.configcicd.core.validate;

import io.configcicd.core.model.Severity;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * The findings of one validation run, sorted by environment, file, line, column, path and rule id.
 * Whether the run fails is decided here from a threshold ({@link #failed(Severity)}), not by the rules.
 */
public record ValidationResult(List<Finding> findings) {

    /** The threshold used when none is given: errors and criticals fail a run. */
    public static final Severity DEFAULT_FAIL_ON = Severity.ERROR;

    static final Comparator<Finding> ORDER = Comparator.comparing(Finding::environment)
            .thenComparing(f -> f.origin().file())
            .thenComparingInt(f -> f.origin().line())
            .thenComparingInt(f -> f.origin().column())
            .thenComparing(Finding::path)
            .thenComparing(Finding::ruleId);

    public ValidationResult {
        findings = findings.stream().sorted(ORDER).toList();
    }

    public static ValidationResult empty() {
        return new ValidationResult(List.of());
    }

    /** True when any finding is at or above {@link #DEFAULT_FAIL_ON}. */
    public boolean failed() {
        return failed(DEFAULT_FAIL_ON);
    }

    /** True when any finding is at or above {@code failOn}. */
    public boolean failed(Severity failOn) {
        return findings.stream().anyMatch(f -> f.severity().atLeast(failOn));
    }

    public boolean isClean() {
        return findings.isEmpty();
    }

    public int count(Severity severity) {
        return (int) findings.stream().filter(f -> f.severity() == severity).count();
    }

    /** How many findings of each severity, every severity present (zero when none). */
    public Map<Severity, Integer> counts() {
        Map<Severity, Integer> out = new EnumMap<>(Severity.class);
        for (Severity s : Severity.values()) {
            out.put(s, count(s));
        }
        return out;
    }

    public List<Finding> forEnvironment(String environment) {
        return findings.stream().filter(f -> f.environment().equals(environment)).toList();
    }

    public List<Finding> forRule(String ruleId) {
        return findings.stream().filter(f -> f.ruleId().equals(ruleId)).toList();
    }

    /** This result followed by another's findings, sorted again. */
    public ValidationResult plus(ValidationResult other) {
        return new ValidationResult(java.util.stream.Stream.concat(findings.stream(), other.findings.stream()).toList());
    }
}
