package io.configcicd.core.report;

import io.configcicd.core.deploy.Deployment;
import io.configcicd.core.deploy.DriftResult;
import io.configcicd.core.deploy.EntryChange;
import io.configcicd.core.deploy.Refusal;
import io.configcicd.core.deploy.TargetPlan;
import io.configcicd.core.deploy.TargetResult;
import io.configcicd.core.deploy.TargetStatus;
import io.configcicd.core.store.StoreCheck;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * The writers of deploy results, for every front end: a deployment (plan, dry run, outcome, rollback), drift and
 * {@code test-stores}, each as text (a terminal, a CI log), as a structure for JSON or YAML, and as Markdown (the
 * action's job summary). Values in plans come masked from the engine; nothing here adds a value.
 */
public final class DeployReports {

    private static final tools.jackson.databind.json.JsonMapper JSON = tools.jackson.databind.json.JsonMapper.builder()
            .enable(tools.jackson.databind.SerializationFeature.INDENT_OUTPUT).build();

    private DeployReports() {
    }

    /**
     * A structure of this class ({@link #structure(Deployment)}, {@link #structure(DriftResult)},
     * {@link #structure(List)}) as the JSON report the Maven goals and the action write ({@code deploy.json}).
     */
    public static String json(Map<String, Object> structure) {
        return JSON.writeValueAsString(ValueText.jsonSafe(structure)) + "\n";
    }

    // ------------------------------------------------------------------ deployment

    /** The names of the entries a deployment (or its plan) adds, changes or deletes, each once, sorted. */
    public static List<String> changedKeys(Deployment d) {
        return d.targets().stream().flatMap(t -> t.plan().changes().stream()).map(EntryChange::name).distinct()
                .sorted().toList();
    }

    /** The names of the entries that differ between the targets and the configuration, each once, sorted. */
    public static List<String> changedKeys(DriftResult r) {
        return r.targets().stream().flatMap(p -> p.changes().stream()).map(EntryChange::name).distinct().sorted()
                .toList();
    }

    public static String text(Deployment d) {
        StringBuilder out = new StringBuilder();
        out.append(d.kind().word()).append(' ').append(d.environment()).append(": ").append(headline(d)).append('\n');
        out.append("deployment ").append(d.id()).append(", commit ").append(d.commit()).append(", by ").append(d.who())
                .append('\n');
        d.findings().forEach(f -> out.append("  finding: ").append(f).append('\n'));
        d.refusals().forEach(r -> out.append("  refused by ").append(r.rule()).append(": ").append(r.message())
                .append(r.forceable() ? " (--force overrides)" : "").append('\n'));
        d.overridden().forEach(r -> out.append("  forced past ").append(r.rule()).append(": ").append(r.message())
                .append('\n'));
        for (TargetResult t : d.targets()) {
            out.append("target ").append(t.target()).append(" (").append(t.plan().type()).append(", ")
                    .append(t.plan().layout().word()).append("): ").append(t.status().word().toUpperCase(Locale.ROOT));
            out.append(t.detail().isEmpty() ? "" : " - " + t.detail()).append('\n');
            planText(t.plan(), out);
        }
        d.journal().ifPresent(j -> out.append("journal: ").append(j).append('\n'));
        return out.toString();
    }

    private static String headline(Deployment d) {
        long changed = d.targets().stream().mapToLong(t -> t.plan().changes().size()).sum();
        return switch (d.status()) {
            case DRY_RUN -> "dry run, nothing written; " + changed + " change(s) planned";
            case NOTHING_TO_DO -> "nothing to do: every target already holds this configuration; nothing written";
            case APPLIED -> "applied to " + d.targets().size() + " target(s)";
            case REFUSED -> "refused, nothing written";
            case FAILED -> failedHeadline(d);
        };
    }

    /** A failed deploy whose restore failed too must not say the targets were restored: it names them, loudly. */
    private static String failedHeadline(Deployment d) {
        List<String> notRestored = d.targets().stream().filter(t -> t.status() == TargetStatus.RESTORE_FAILED)
                .map(TargetResult::target).toList();
        return notRestored.isEmpty() ? "FAILED; targets already written were restored (see each target)"
                : "FAILED, and RESTORE FAILED for " + String.join(", ", notRestored) + ": they may hold the new content"
                + " (see each target)";
    }

    private static void planText(TargetPlan p, StringBuilder out) {
        p.notes().forEach(n -> out.append("  note: ").append(n).append('\n'));
        if (p.drift()) {
            out.append("  drift: the live content differs from the last deployed record")
                    .append(p.record().map(r -> " (deployment " + r.deploymentId() + ")").orElse(" (no record)"))
                    .append('\n');
        }
        for (EntryChange c : p.changes()) {
            out.append("  ").append(switch (c.kind()) {
                case ADDED -> "+ ";
                case DELETED -> "- ";
                case CHANGED -> "~ ";
            }).append(c.name());
            switch (c.kind()) {
                case ADDED -> out.append(" = ").append(c.after().orElse(""));
                case DELETED -> out.append(" (was ").append(c.before().orElse("")).append(')');
                case CHANGED -> out.append(": ").append(c.before().orElse("")).append(" -> ").append(c.after().orElse(""));
            }
            out.append('\n');
        }
    }

    /** The structure written as JSON or YAML. */
    public static Map<String, Object> structure(Deployment d) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("kind", d.kind().word());
        out.put("deployment_id", d.id());
        d.rollbackOf().ifPresent(r -> out.put("rollback_of", r));
        out.put("environment", d.environment());
        out.put("commit", d.commit());
        out.put("who", d.who());
        out.put("status", d.status().word());
        out.put("changed_keys", d.changedEntries());
        out.put("drift", d.drift());
        out.put("findings", d.findings());
        out.put("refusals", refusals(d.refusals()));
        out.put("forced", refusals(d.overridden()));
        List<Object> targets = new ArrayList<>();
        for (TargetResult t : d.targets()) {
            Map<String, Object> m = plan(t.plan());
            m.put("status", t.status().word());
            m.put("detail", t.detail());
            targets.add(m);
        }
        out.put("targets", targets);
        out.put("journal", d.journal().orElse(null));
        out.put("started", d.started().toString());
        out.put("finished", d.finished().toString());
        return out;
    }

    private static List<Object> refusals(List<Refusal> refusals) {
        List<Object> out = new ArrayList<>();
        for (Refusal r : refusals) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("rule", r.rule());
            m.put("target", r.target());
            m.put("message", r.message());
            m.put("force_overrides", r.forceable());
            out.add(m);
        }
        return out;
    }

    private static Map<String, Object> plan(TargetPlan p) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("target", p.target());
        m.put("type", p.type());
        m.put("layout", p.layout().word());
        m.put("secrets", p.secrets().word());
        m.put("up_to_date", p.upToDate());
        m.put("drift", p.drift());
        m.put("live_sha256", p.liveSha256());
        m.put("desired_sha256", p.desiredSha256());
        m.put("record", p.record().map(r -> (Object) r.toFields()).orElse(null));
        m.put("notes", p.notes());
        List<Object> changes = new ArrayList<>();
        for (EntryChange c : p.changes()) {
            Map<String, Object> x = new LinkedHashMap<>();
            x.put("name", c.name());
            x.put("type", c.kind().word());
            x.put("old", c.before().orElse(null));
            x.put("new", c.after().orElse(null));
            changes.add(x);
        }
        m.put("changes", changes);
        return m;
    }

    public static String markdown(Deployment d) {
        StringBuilder out = new StringBuilder();
        out.append("## ").append(Markdown.cell(d.kind().word() + " " + d.environment())).append(": ")
                .append(Markdown.cell(headline(d))).append("\n\n");
        out.append("Deployment `").append(d.id()).append("`, commit `").append(d.commit()).append("`\n\n");
        d.findings().forEach(f -> out.append("- finding: ").append(Markdown.cell(f)).append('\n'));
        d.refusals().forEach(r -> out.append("- **refused by ").append(Markdown.cell(r.rule())).append("**: ")
                .append(Markdown.cell(r.message())).append('\n'));
        if (!d.targets().isEmpty()) {
            out.append("\n| target | status | added | changed | deleted | drift |\n|---|---|---|---|---|---|\n");
            for (TargetResult t : d.targets()) {
                TargetPlan p = t.plan();
                out.append("| ").append(Markdown.cell(t.target())).append(" | ").append(t.status().word())
                        .append(" | ").append(p.count(EntryChange.Kind.ADDED)).append(" | ")
                        .append(p.count(EntryChange.Kind.CHANGED)).append(" | ").append(p.count(EntryChange.Kind.DELETED))
                        .append(" | ").append(p.drift() ? "yes" : "no").append(" |\n");
            }
            for (TargetResult t : d.targets()) {
                t.plan().notes().forEach(n -> out.append("\n> ").append(Markdown.cell(t.target())).append(": ")
                        .append(Markdown.cell(n)).append('\n'));
                if (!t.plan().changes().isEmpty()) {
                    out.append("\n<details><summary>").append(Markdown.cell(t.target())).append("</summary>\n\n```diff\n");
                    StringBuilder plan = new StringBuilder();
                    planText(t.plan(), plan);
                    out.append(plan.toString().replace("```", "'''")).append("```\n</details>\n");
                }
            }
        }
        return out.toString();
    }

    // ------------------------------------------------------------------ drift

    public static String text(DriftResult r) {
        StringBuilder out = new StringBuilder("drift " + r.environment() + ": "
                + (r.drifted() ? "DRIFT: a target's live content differs from its last deployed record"
                : "no drift") + "\n");
        for (TargetPlan p : r.targets()) {
            out.append("target ").append(p.target()).append(": ").append(p.drift() ? "drifted" : "as deployed")
                    .append(p.record().map(x -> " (deployment " + x.deploymentId() + ", commit " + x.commit() + ")")
                            .orElse(" (never deployed)"))
                    .append(p.upToDate() ? ", holds the configuration of " + r.commit()
                            : ", " + p.changes().size() + " entry(ies) differ from the configuration of " + r.commit())
                    .append('\n');
            p.changes().forEach(c -> out.append("  ").append(c.kind().word()).append(' ').append(c.name()).append('\n'));
        }
        return out.toString();
    }

    public static Map<String, Object> structure(DriftResult r) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("environment", r.environment());
        out.put("commit", r.commit());
        out.put("drift", r.drifted());
        out.put("targets", r.targets().stream().map(p -> (Object) plan(p)).toList());
        return out;
    }

    public static String markdown(DriftResult r) {
        StringBuilder out = new StringBuilder("## drift " + Markdown.cell(r.environment()) + ": "
                + (r.drifted() ? "drift found" : "no drift") + "\n\n| target | drift | differs from git |\n|---|---|---|\n");
        r.targets().forEach(p -> out.append("| ").append(Markdown.cell(p.target())).append(" | ")
                .append(p.drift() ? "yes" : "no").append(" | ").append(p.changes().size()).append(" |\n"));
        return out.toString();
    }

    // ------------------------------------------------------------------ test-stores

    public static String text(List<StoreCheck> checks) {
        StringBuilder out = new StringBuilder();
        for (StoreCheck c : checks) {
            out.append(c.target()).append(": ").append(c.passed() ? "OK" : "FAILED")
                    .append(" reachable=").append(step(c.reachable()))
                    .append(" authenticated=").append(step(c.authenticated()))
                    .append(" read=").append(step(c.canRead()))
                    .append(" write=").append(step(c.canWrite()))
                    .append(" latency=").append(c.latency().toMillis()).append("ms");
            c.steps().stream().filter(s -> s.status() == StoreCheck.Status.FAILED)
                    .forEach(s -> out.append(" - ").append(s.detail()));
            out.append('\n');
        }
        return checks.isEmpty() ? "no targets to test\n" : out.toString();
    }

    private static String step(StoreCheck.Step s) {
        return s.status().name().toLowerCase(Locale.ROOT);
    }

    public static Map<String, Object> structure(List<StoreCheck> checks) {
        List<Object> list = new ArrayList<>();
        for (StoreCheck c : checks) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("target", c.target());
            m.put("passed", c.passed());
            m.put("reachable", stepMap(c.reachable()));
            m.put("authenticated", stepMap(c.authenticated()));
            m.put("can_read", stepMap(c.canRead()));
            m.put("can_write", stepMap(c.canWrite()));
            m.put("latency_ms", c.latency().toMillis());
            list.add(m);
        }
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("passed", checks.stream().allMatch(StoreCheck::passed));
        out.put("targets", list);
        return out;
    }

    private static Map<String, Object> stepMap(StoreCheck.Step s) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", step(s));
        m.put("detail", s.detail());
        return m;
    }

    public static String markdown(List<StoreCheck> checks) {
        StringBuilder out = new StringBuilder("## test-stores\n\n| target | result | reachable | authenticated | read |"
                + " write | latency |\n|---|---|---|---|---|---|---|\n");
        checks.forEach(c -> out.append("| ").append(Markdown.cell(c.target())).append(" | ")
                .append(c.passed() ? "ok" : "**failed**").append(" | ").append(step(c.reachable())).append(" | ")
                .append(step(c.authenticated())).append(" | ").append(step(c.canRead())).append(" | ")
                .append(step(c.canWrite())).append(" | ").append(c.latency().toMillis()).append(" ms |\n"));
        return out.toString();
    }
}
