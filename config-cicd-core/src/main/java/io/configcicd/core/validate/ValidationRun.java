package io.configcicd.core.validate;

import java.util.List;

/**
 * One validation of some environments: the findings left after waivers (sorted), the findings that a waiver
 * silenced, and the ids of the rules that ran.
 */
public record ValidationRun(List<String> environments, List<Finding> findings, List<WaivedFinding> waived,
                            List<String> rules) {

    public ValidationRun {
        environments = List.copyOf(environments);
        findings = new ValidationResult(findings).findings();
        waived = List.copyOf(waived);
        rules = List.copyOf(rules);
    }
}
