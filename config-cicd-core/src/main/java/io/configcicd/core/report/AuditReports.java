package io.configcicd.core.report;

import io.configcicd.core.security.audit.VerifyResult;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * How a front end shows the result of an audit log check: {@link #structure} for json and yaml (keys {@code ok},
 * {@code lines}, {@code head}, {@code problems}, {@code checks}, {@code unfinished}), {@link #text} for a terminal.
 */
public final class AuditReports {

    private AuditReports() {
    }

    /** The result as maps and lists, in the key order json and yaml print. */
    public static Map<String, Object> structure(VerifyResult r) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("ok", r.ok());
        json.put("lines", r.linesChecked());
        json.put("head", r.lastHash());
        List<Map<String, Object>> problems = new ArrayList<>();
        for (VerifyResult.Problem p : r.problems()) {
            problems.add(Map.of("line", p.line(), "kind", kind(p), "message", p.message()));
        }
        json.put("problems", problems);
        json.put("checks", r.checks());
        List<Map<String, Object>> unfinished = new ArrayList<>();
        for (VerifyResult.Unfinished u : r.unfinished()) {
            unfinished.add(Map.of("line", u.line(), "seq", u.seq(), "time", u.time(), "summary", u.summary()));
        }
        json.put("unfinished", unfinished);
        return json;
    }

    /** One line per problem, unfinished action and check, then the verdict with the line count and head hash. */
    public static String text(VerifyResult r) {
        StringBuilder sb = new StringBuilder();
        for (VerifyResult.Problem p : r.problems()) {
            sb.append(p.line() > 0 ? "line " + p.line() + ": " : "").append(kind(p)).append(": ").append(p.message())
                    .append('\n');
        }
        for (VerifyResult.Unfinished u : r.unfinished()) {
            sb.append("unfinished: line ").append(u.line()).append(" (").append(u.time()).append(") ")
                    .append(u.summary()).append('\n');
        }
        r.checks().forEach(c -> sb.append("checked: ").append(c).append('\n'));
        sb.append(r.ok() ? "audit log intact: " : "audit log DAMAGED: ").append(r.linesChecked())
                .append(" lines, head ").append(r.lastHash()).append('\n');
        return sb.toString();
    }

    private static String kind(VerifyResult.Problem p) {
        return p.kind().name().toLowerCase(Locale.ROOT);
    }
}
