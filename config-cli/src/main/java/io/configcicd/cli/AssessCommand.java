package io.configcicd.cli;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.api.ConfigurationManager;
import io.configcicd.core.impact.AssessedChange;
import io.configcicd.core.impact.Assessment;
import io.configcicd.core.impact.Assessor;
import io.configcicd.core.impact.RiskLevel;
import io.configcicd.core.security.access.Permission;
import io.configcicd.core.validate.Finding;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code assess --environment E [--commit-hash REV] [--base REV] [--fail-on LEVEL]}: the effective changes from base
 * (default: the first parent of REV) to REV (default: HEAD), each rated LOW to CRITICAL with its reasons, the
 * findings the change introduces, and the tests to run. Exit 1 when the risk is at or above --fail-on.
 */
@Command(name = "assess", description = "Rate the effective configuration changes of a commit (LOW, MEDIUM, HIGH, "
        + "CRITICAL) with their reasons, the validation findings the change introduces, and the tests to run.")
final class AssessCommand extends ConfigCommand {

    @Option(names = "--environment", paramLabel = "ENV", description = "The environment (repeatable).")
    private List<String> environments = new ArrayList<>();

    @Option(names = "--all-environments", description = "Assess every environment that exists at the head commit.")
    private boolean all;

    @Option(names = "--commit-hash", paramLabel = "REV", defaultValue = "HEAD", description = "The head commit (default HEAD).")
    private String head;

    @Option(names = "--base", paramLabel = "REV", description = "The base commit (default: the first parent of the head).")
    private String base;

    @Option(names = "--deployment-id", paramLabel = "ID", description = "Carried into the output, for the deploy that follows.")
    private String deploymentId;

    @Option(names = "--fail-on", paramLabel = "LEVEL", description = "Exit 1 when the risk is at or above LEVEL.")
    private String failOn;

    private boolean failed;

    @Override
    protected void execute(ConfigurationManager manager, Output output) {
        if (environments.isEmpty() == !all) {
            throw ConfigCicdException.badInput(all ? "--all-environments and --environment both given"
                    : "no environment given", "pass --environment ENV (repeatable) or --all-environments");
        }
        Optional<RiskLevel> threshold = Optional.ofNullable(failOn).map(AssessCommand::level);
        String baseRev = base != null ? base : head + "^";
        Assessor assessor = new Assessor();
        LocalDate today = LocalDate.now();
        List<Assessment> results = new ArrayList<>();
        if (all) {
            results.addAll(assessor.assessAll(manager.directory().root(), baseRev, head, today));
            results.forEach(a -> governance.require(Permission.READ, a.environment(), "assess"));
        } else {
            for (String env : environments) {
                governance.require(Permission.READ, env, "assess");
                results.add(assessor.assess(manager.directory().root(), env, baseRev, head, today));
            }
        }
        RiskLevel overall = results.stream().map(Assessment::riskLevel).reduce(RiskLevel.LOW, RiskLevel::max);
        failed = threshold.map(overall::atLeast).orElse(false);
        Object json = results.size() == 1 ? structure(results.get(0)) : Map.of("risk_level", overall.name(),
                "assessments", results.stream().map(this::structure).toList());
        output.result(json, () -> {
            StringBuilder sb = new StringBuilder();
            results.forEach(a -> sb.append(text(a)));
            if (results.size() > 1) {
                sb.append("overall risk: ").append(overall).append('\n');
            }
            return sb.toString();
        });
    }

    @Override
    protected int exitCode() {
        return failed ? ErrorReporter.FINDINGS : ErrorReporter.OK;
    }

    private Map<String, Object> structure(Assessment a) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("risk_level", a.riskLevel().name());
        m.put("environment", a.environment());
        m.put("base", a.base());
        m.put("head", a.head());
        m.put("deployment_id", deploymentId);
        m.put("reasons", a.reasons());
        List<Map<String, Object>> changes = new ArrayList<>();
        for (AssessedChange c : a.changes()) {
            Map<String, Object> e = new LinkedHashMap<>();
            e.put("path", c.path().toString());
            e.put("type", c.type().word());
            e.put("old", c.oldValue().orElse(null));
            e.put("new", c.newValue().orElse(null));
            e.put("secret", c.secret().orElse(null));
            e.put("risk", c.risk().name());
            e.put("reasons", c.reasons());
            e.put("origin", c.origin().map(Output::origin).orElse(null));
            changes.add(e);
        }
        m.put("changes", changes);
        m.put("introduced_findings", findings(a.introducedFindings()));
        m.put("pre_existing_findings", findings(a.preExistingFindings()));
        m.put("recommended_tests", a.recommendedTests());
        return m;
    }

    private static List<Map<String, Object>> findings(List<Finding> findings) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Finding f : findings) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", f.ruleId());
            m.put("severity", f.severity().word());
            m.put("path", f.path().toString());
            m.put("origin", Output.origin(f.origin()));
            m.put("message", f.message());
            out.add(m);
        }
        return out;
    }

    private static String text(Assessment a) {
        StringBuilder sb = new StringBuilder();
        sb.append("risk ").append(a.riskLevel()).append(" for ").append(a.environment()).append(" (")
                .append(a.base(), 0, 12).append(" -> ").append(a.head(), 0, 12).append(")\n");
        a.reasons().forEach(r -> sb.append("  ").append(r).append('\n'));
        for (AssessedChange c : a.changes()) {
            sb.append(String.format("  %-8s %s %s: %s", c.risk(), c.type().sign(), c.path(), values(c)));
            c.origin().ifPresent(o -> sb.append("  (").append(o).append(')'));
            sb.append('\n');
            c.reasons().forEach(r -> sb.append("             ").append(r).append('\n'));
        }
        a.introducedFindings().forEach(f -> sb.append("  introduced: ").append(f.severity().word()).append(" [")
                .append(f.ruleId()).append("] ").append(f.origin()).append(' ').append(f.message()).append('\n'));
        a.preExistingFindings().forEach(f -> sb.append("  pre-existing: ").append(f.severity().word()).append(" [")
                .append(f.ruleId()).append("] ").append(f.message()).append('\n'));
        if (!a.recommendedTests().isEmpty()) {
            sb.append("  recommended tests: ").append(String.join(", ", a.recommendedTests())).append('\n');
        }
        return sb.toString();
    }

    private static String values(AssessedChange c) {
        if (c.secret().isPresent()) {
            return "secret " + c.secret().get();
        }
        return switch (c.type()) {
            case ADDED -> c.newValue().orElse("");
            case REMOVED -> c.oldValue().orElse("");
            case MODIFIED -> c.oldValue().orElse("") + " -> " + c.newValue().orElse("");
        };
    }

    private static RiskLevel level(String text) {
        try {
            return RiskLevel.parse(text);
        } catch (IllegalArgumentException e) {
            throw ConfigCicdException.badInput("--fail-on: " + e.getMessage(), "use low, medium, high or critical");
        }
    }
}
