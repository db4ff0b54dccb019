package io.configcicd.core.report;

import io.configcicd.core.report.AssessOutcome;
import io.configcicd.core.impact.AssessedChange;
import io.configcicd.core.impact.Assessment;
import io.configcicd.core.impact.CodeReference;
import io.configcicd.core.model.Origin;
import io.configcicd.core.validate.Finding;
import java.io.StringWriter;
import java.util.List;
import java.util.Optional;
import tools.jackson.core.JsonGenerator;

/**
 * An assessment as JSON (ARCHITECTURE §3). One environment:
 * {@code {tool, version, risk_level, environment, base, head, deployment_id, reasons[], changed_keys[],
 * changes[{path, type, old, new, secret, risk, reasons[], origin{file, line, column}, consumers[{file, line,
 * text}]}], introduced_findings[], pre_existing_findings[], recommended_tests[]}}; several environments:
 * {@code {tool, version, risk_level, deployment_id, changed_keys[], assessments[...]}} with one such object each.
 * Files are relative to the repository root; {@code old} and {@code new} are masks at secret paths. Written with
 * a streaming generator: an assessment of 20,000 changes is megabytes of JSON, and no tree of it is built.
 */
final class AssessmentJson {

    private AssessmentJson() {
    }

    static String render(AssessOutcome outcome) {
        StringWriter out = new StringWriter();
        try (JsonGenerator g = ReportSupport.json().writerWithDefaultPrettyPrinter().createGenerator(out)) {
            if (outcome.assessments().size() == 1) {
                environment(g, outcome, outcome.assessments().get(0));
            } else {
                g.writeStartObject();
                g.writeStringProperty("tool", Report.TOOL);
                g.writeStringProperty("version", outcome.version());
                g.writeStringProperty("risk_level", outcome.riskLevel().name());
                string(g, "deployment_id", outcome.deploymentId());
                strings(g, "changed_keys", outcome.changedKeys());
                g.writeArrayPropertyStart("assessments");
                for (Assessment a : outcome.assessments()) {
                    environment(g, outcome, a);
                }
                g.writeEndArray();
                g.writeEndObject();
            }
        }
        return out.append('\n').toString();
    }

    private static void environment(JsonGenerator g, AssessOutcome outcome, Assessment a) {
        g.writeStartObject();
        g.writeStringProperty("tool", Report.TOOL);
        g.writeStringProperty("version", outcome.version());
        g.writeStringProperty("risk_level", a.riskLevel().name());
        g.writeStringProperty("environment", a.environment());
        g.writeStringProperty("base", a.base());
        g.writeStringProperty("head", a.head());
        string(g, "deployment_id", outcome.deploymentId());
        strings(g, "reasons", a.reasons());
        strings(g, "changed_keys", a.changes().stream().map(c -> c.path().toString()).toList());
        g.writeArrayPropertyStart("changes");
        for (AssessedChange c : a.changes()) {
            change(g, outcome, c);
        }
        g.writeEndArray();
        findings(g, outcome, "introduced_findings", a.introducedFindings());
        findings(g, outcome, "pre_existing_findings", a.preExistingFindings());
        strings(g, "recommended_tests", a.recommendedTests());
        g.writeEndObject();
    }

    private static void change(JsonGenerator g, AssessOutcome outcome, AssessedChange c) {
        g.writeStartObject();
        g.writeStringProperty("path", c.path().toString());
        g.writeStringProperty("type", c.type().word());
        string(g, "old", c.oldValue());
        string(g, "new", c.newValue());
        string(g, "secret", c.secret());
        g.writeStringProperty("risk", c.risk().name());
        strings(g, "reasons", c.reasons());
        origin(g, outcome, c.origin());
        g.writeArrayPropertyStart("consumers");
        for (CodeReference r : c.consumers()) {
            g.writeStartObject();
            g.writeStringProperty("file", r.file());
            g.writeNumberProperty("line", r.line());
            g.writeStringProperty("text", r.text());
            g.writeEndObject();
        }
        g.writeEndArray();
        g.writeEndObject();
    }

    private static void findings(JsonGenerator g, AssessOutcome outcome, String name, List<Finding> findings) {
        g.writeArrayPropertyStart(name);
        for (Finding f : findings) {
            g.writeStartObject();
            g.writeStringProperty("rule", f.ruleId());
            g.writeStringProperty("severity", f.severity().word());
            g.writeStringProperty("path", f.path().toString());
            origin(g, outcome, Optional.of(f.origin()));
            g.writeStringProperty("message", f.message());
            g.writeEndObject();
        }
        g.writeEndArray();
    }

    private static void origin(JsonGenerator g, AssessOutcome outcome, Optional<Origin> origin) {
        if (origin.isEmpty() || !origin.get().isKnown()) {
            g.writeNullProperty("origin");
            return;
        }
        Origin o = origin.get();
        g.writeObjectPropertyStart("origin");
        g.writeStringProperty("file", AssessmentReports.location(outcome, Optional.of(new Origin(o.file(), 0, 0))));
        g.writeNumberProperty("line", o.line());
        g.writeNumberProperty("column", o.column());
        g.writeEndObject();
    }

    private static void string(JsonGenerator g, String name, Optional<String> value) {
        if (value.isPresent()) {
            g.writeStringProperty(name, value.get());
        } else {
            g.writeNullProperty(name);
        }
    }

    private static void strings(JsonGenerator g, String name, List<String> values) {
        g.writeArrayPropertyStart(name);
        for (String v : values) {
            g.writeString(v);
        }
        g.writeEndArray();
    }
}
