package io.configcicd.core.report;

import io.configcicd.core.model.Severity;
import io.configcicd.core.validate.Finding;
import java.io.IOException;
import java.io.Writer;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * SARIF 2.1.0 as GitHub code scanning accepts it: one run, the rules that produced findings (sorted by id, each
 * with the highest level it was reported at), and one result per finding with a repository-relative artifact
 * URI, a region only when the line is known, and a partial fingerprint that stays the same when lines move.
 * Fixes are given as text in the message; SARIF's {@code fixes} need byte ranges the report does not have.
 */
final class SarifReportWriter implements ReportWriter {

    static final String SCHEMA = "https://json.schemastore.org/sarif-2.1.0.json";
    static final String FINGERPRINT = "configCicdFinding/v1";

    @Override
    public ReportFormat format() {
        return ReportFormat.SARIF;
    }

    @Override
    public void write(Report report, Writer out) throws IOException {
        ObjectNode root = ReportSupport.json().createObjectNode();
        root.put("$schema", SCHEMA);
        root.put("version", "2.1.0");
        ObjectNode run = root.putArray("runs").addObject();
        ObjectNode driver = run.putObject("tool").putObject("driver");
        driver.put("name", report.tool());
        driver.put("version", report.version());
        Map<String, Severity> rules = rules(report);
        List<String> ruleIds = new ArrayList<>(rules.keySet());
        ArrayNode ruleArray = driver.putArray("rules");
        rules.forEach((id, severity) -> rule(ruleArray.addObject(), id, severity));
        ArrayNode results = run.putArray("results");
        for (Finding f : report.findings()) {
            result(report, f, ruleIds.indexOf(f.ruleId()), results.addObject());
        }
        run.put("columnKind", "utf16CodeUnits");
        ReportSupport.writeJson(root, out);
    }

    /** Each rule that produced a finding, with the most serious severity it was reported at. */
    private static Map<String, Severity> rules(Report report) {
        Map<String, Severity> rules = new TreeMap<>();
        for (Finding f : report.findings()) {
            rules.merge(f.ruleId(), f.severity(), (a, b) -> a.atLeast(b) ? a : b);
        }
        return rules;
    }

    private static void rule(ObjectNode node, String id, Severity severity) {
        node.put("id", id);
        node.put("name", id);
        node.putObject("shortDescription").put("text", "config-cicd rule " + id);
        node.putObject("defaultConfiguration").put("level", level(severity));
    }

    private static void result(Report report, Finding f, int ruleIndex, ObjectNode node) {
        node.put("ruleId", f.ruleId());
        node.put("ruleIndex", ruleIndex);
        node.put("level", level(f.severity()));
        node.putObject("message").put("text", ReportSupport.messageWithFix(f));
        String file = report.repositoryPath(f.origin());
        if (!file.isEmpty()) {
            ObjectNode physical = node.putArray("locations").addObject().putObject("physicalLocation");
            physical.putObject("artifactLocation").put("uri", uri(file));
            if (f.origin().line() > 0) {
                ObjectNode region = physical.putObject("region");
                region.put("startLine", f.origin().line());
                if (f.origin().column() > 0) {
                    region.put("startColumn", f.origin().column());
                }
            }
        }
        node.putObject("partialFingerprints").put(FINGERPRINT,
                ReportSupport.hash("SHA-256", f.ruleId(), f.path().toString(), f.environment()));
        ObjectNode properties = node.putObject("properties");
        properties.put("environment", f.environment());
        f.environments().forEach(properties.putArray("environments")::add);
        properties.put("configPath", f.path().toString());
        properties.put("severity", f.severity().word());
    }

    /** CRITICAL and ERROR are "error", WARNING is "warning", INFO is "note". */
    static String level(Severity severity) {
        return switch (severity) {
            case CRITICAL, ERROR -> "error";
            case WARNING -> "warning";
            case INFO -> "note";
        };
    }

    /** A relative URI reference: each path segment percent-encoded where RFC 3986 requires it. */
    static String uri(String path) {
        StringBuilder sb = new StringBuilder();
        for (byte b : path.getBytes(java.nio.charset.StandardCharsets.UTF_8)) {
            int c = b & 0xFF;
            boolean plain = (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || "-._~/!$&'()*+,;=@".indexOf(c) >= 0;
            sb.append(plain ? String.valueOf((char) c) : String.format("%%%02X", c));
        }
        return sb.toString();
    }
}
