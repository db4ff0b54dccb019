package io.configcicd.core.deploy;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.deploy.WatchedTargets.Check;
import io.configcicd.core.deploy.WatchedTargets.Verdict;
import io.configcicd.core.deploy.probe.ProbeAnswer;
import io.configcicd.core.deploy.probe.ProbeContext;
import io.configcicd.core.deploy.probe.Probes;
import io.configcicd.core.event.Cancellation;
import io.configcicd.core.event.Event;
import io.configcicd.core.load.Interpolator;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.repo.MonitorSettings;
import io.configcicd.core.repo.ProbeSpec;
import io.configcicd.core.security.OutputMasker;
import io.configcicd.core.store.DeployedRecord;
import io.configcicd.core.store.StoreContext;
import io.configcicd.core.store.TargetSpec;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * {@code monitor}: watches a deployment for a while, in rounds at an interval (after a grace period counted from the
 * end of the deploy). Each round reads every target the deployment wrote (does it still hold that deployment's record
 * and content? a later config-cicd deployment supersedes ours and ends the run; any other change is drift, a failed
 * round) and asks every probe of the environment once. {@code failures} failed rounds in a row roll the deployment back
 * through {@link StoreRollback} (journal, check-and-set, verify; never forced: a target changed meanwhile refuses it).
 * A cancellation stops it at once: no rollback, the journal says "monitoring interrupted". Runs on the caller's thread
 * and waits on the {@link Cancellation}, so it wakes at once when cancelled; prints nothing: each round is an
 * {@link Event.Round}.
 */
public final class Monitor {

    static final String OPERATION = "monitor";

    /** What to watch and for how long; {@code interval} empty: the settings' interval. */
    public record Plan(String deploymentId, Duration duration, Optional<Duration> interval, Cancellation cancel) {
        public Plan {
            Objects.requireNonNull(deploymentId, "deploymentId");
            Objects.requireNonNull(duration, "duration");
            Objects.requireNonNull(interval, "interval");
            Objects.requireNonNull(cancel, "cancel");
        }
    }

    private final DeployEngine engine;

    public Monitor(DeployEngine engine) {
        this.engine = engine;
    }

    /**
     * Monitors deployment {@code plan.deploymentId()} of {@code in.environment()}; {@code in.deploymentId()} is the id a
     * rollback takes (empty: {@code <id>-rollback}). Bad input (exit 2) for a deployment of another environment or one
     * that failed, unknown targets, or an unresolved header variable.
     */
    public MonitorResult monitor(DeployInput in, Plan plan) {
        engine.startWith(in.masker());
        Instant started = engine.clock().instant();
        String id = DeploymentIds.check(plan.deploymentId());
        MonitorSettings settings = MonitorSettings.of(in.snapshot().settings().raw(), in.environment());
        Duration every = plan.interval().orElse(settings.interval());
        Journal journal = new Journal(in.configDir());
        Optional<Journal.Entry> entry = journal.find(id);
        entry.ifPresent(e -> checkEntry(e, in.environment()));
        Map<String, DeployedRecord> expected = new LinkedHashMap<>();
        List<String> names = new ArrayList<>();
        entry.ifPresent(e -> e.targets().stream().filter(t -> t.written().isPresent()
                && t.status().equals(TargetStatus.APPLIED.word())).forEach(t -> {
                    names.add(t.name());
                    expected.put(t.name(), t.written().get());
                }));
        List<TargetSpec> specs = entry.isPresent() && names.isEmpty() ? List.of()
                : TargetSet.of(in.snapshot().settings(), in.environment(), names, engine.providers());
        List<ProbeSpec> probes = resolveProbes(settings.probes(), in);
        Run run = new Run(in, plan, settings, every, entry, started);
        entry.ifPresent(e -> journal.annotate(id, OPERATION, Map.of("status", "monitoring", "started",
                started.toString())));
        StoreContext context = new StoreContext(engine.clock(), in.baseDirectory());
        MonitorResult result;
        try (WatchedTargets targets = new WatchedTargets(OpenTargets.open(specs, in.env(), engine.providers(), context,
                (t, m) -> engine.step(OPERATION, t, m)), specs, expected);
             ProbeSet set = new ProbeSet(probes, new ProbeContext(in.baseDirectory(), commandEnvironment(in, id),
                     engine.masker(), engine.clock()))) {
            result = run.watch(targets, set);
        } catch (RuntimeException e) {
            if (entry.isPresent()) {
                journal.annotate(id, OPERATION, Map.of("status", "monitor failed to run", "reason",
                        engine.masker().mask(String.valueOf(e.getMessage())), "finished",
                        engine.clock().instant().toString()));
            }
            throw e;
        }
        if (entry.isPresent()) {
            journal.annotate(id, OPERATION, journalSection(result));
        }
        return result;
    }

    /**
     * What a command probe's process gets: monitor's own environment plus {@code CONFIG_CICD_ENVIRONMENT} and
     * {@code CONFIG_CICD_DEPLOYMENT_ID}, so that one shared probe can check the environment it is run for.
     */
    static Map<String, String> commandEnvironment(DeployInput in, String id) {
        Map<String, String> env = new LinkedHashMap<>(in.env());
        env.put("CONFIG_CICD_ENVIRONMENT", in.environment());
        env.put("CONFIG_CICD_DEPLOYMENT_ID", id);
        return env;
    }

    private static void checkEntry(Journal.Entry e, String environment) {
        if (!e.environment().equals(environment)) {
            throw ConfigCicdException.badInput("deployment " + e.id() + " deployed " + e.environment() + ", not "
                    + environment, "pass --environment " + e.environment());
        }
        if (e.status().equals("started")) {
            throw ConfigCicdException.badInput("deployment " + e.id() + " has not finished: its journal entry still"
                    + " says started (a deploy that is still running, or one that was killed)",
                    "wait for the deploy to end; after a killed deploy check its targets with drift --environment "
                            + e.environment());
        }
        if (!e.status().equals(Deployment.Status.APPLIED.word())) {
            throw ConfigCicdException.badInput("deployment " + e.id() + " ended " + e.status()
                    + ": there is nothing of it to monitor", "see " + Journal.relative(e.id()));
        }
    }

    /**
     * The probes with their URL and header references resolved from the process environment; every value a header's
     * reference brought is masked from now on (a URL's are not: put tokens in headers, not in URLs).
     */
    private List<ProbeSpec> resolveProbes(List<ProbeSpec> probes, DeployInput in) {
        List<String> values = new ArrayList<>();
        Interpolator headers = new Interpolator(name -> {
            Optional<String> v = Optional.ofNullable(in.env().get(name));
            v.ifPresent(values::add);
            return v;
        });
        Interpolator urls = Interpolator.fromMap(in.env());
        List<ProbeSpec> out = new ArrayList<>();
        for (ProbeSpec p : probes) {
            ConfigPath at = ConfigPath.root().child("monitor").child("probes").child(p.name());
            ProbeSpec resolved = p.withLocation(u -> urls.substitute(u, ConfigScalar.string(u, p.origin()),
                    at.child(p.kind().word())))
                    .withHeaders(h -> headers.substitute(h, ConfigScalar.string(h, p.origin()), at.child("headers")));
            if (p.kind() != ProbeSpec.Kind.COMMAND && !MonitorSettings.isHttpUrl(resolved.location())) {
                throw ConfigCicdException.badInput(p.origin(), io.configcicd.core.repo.Settings.FILE_NAME
                        + ": probe " + p.name() + ": its " + p.kind().word() + " URL, " + p.location()
                        + " once resolved, is not an http:// or https:// URL", "set the variable it names to the URL"
                        + " of the service, such as https://svc.internal/health");
            }
            out.add(resolved);
        }
        engine.learn(OutputMasker.ofValues(values.stream().filter(v -> v.length() >= OutputMasker.MIN_LENGTH)
                .toList()));
        return out;
    }

    private static Map<String, Object> journalSection(MonitorResult r) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("status", r.status().word());
        m.put("reason", r.reason());
        m.put("rounds", r.rounds());
        m.put("failed_rounds", r.failedRounds());
        m.put("started", r.started().toString());
        m.put("finished", r.finished().toString());
        r.rollback().ifPresent(d -> m.put("rollback", d.id() + " (" + d.status().word() + ")"));
        return m;
    }

    /** The probes of a run, asked in order each round. */
    private static final class ProbeSet implements AutoCloseable {
        final List<ProbeRuns> runs = new ArrayList<>();

        ProbeSet(List<ProbeSpec> specs, ProbeContext context) {
            try {
                specs.forEach(s -> runs.add(new ProbeRuns(Probes.of(s, context))));
            } catch (RuntimeException e) {
                close();
                throw e;
            }
        }

        @Override
        public void close() {
            runs.forEach(ProbeRuns::close);
        }
    }

    /** One monitor run's state. */
    private final class Run {
        private final DeployInput in;
        private final Plan plan;
        private final MonitorSettings settings;
        private final Duration every;
        private final Optional<Journal.Entry> entry;
        private final Instant started;
        private final List<String> notes = new ArrayList<>();
        private List<Check> lastChecks = List.of();
        private int rounds;
        private int failedRounds;
        private int streak;

        Run(DeployInput in, Plan plan, MonitorSettings settings, Duration every, Optional<Journal.Entry> entry,
            Instant started) {
            this.in = in;
            this.plan = plan;
            this.settings = settings;
            this.every = every;
            this.entry = entry;
            this.started = started;
            if (entry.isEmpty()) {
                notes.add("the journal has no entry for deployment " + plan.deploymentId() + " (a deploy with nothing"
                        + " to do writes none, or it ran on another machine): watching what the targets hold now;"
                        + " a failure cannot roll back from here");
            } else if (settings.probes().isEmpty()) {
                notes.add("no probes under monitor: in " + io.configcicd.core.repo.Settings.FILE_NAME
                        + ": only the targets are watched");
            }
        }

        MonitorResult watch(WatchedTargets targets, ProbeSet probes) {
            Instant end = started.plus(plan.duration());
            Instant first = entry.flatMap(Journal.Entry::finished).orElse(started).plus(settings.grace());
            if (first.isAfter(started)) {
                engine.step(OPERATION, "", "grace: first round in " + Duration.between(started, first).toMillis()
                        + " ms");
            }
            Instant next = first.isAfter(started) ? first : started;
            while (true) {
                if (plan.cancel().await(Duration.between(engine.clock().instant(), next))) {
                    return end(MonitorResult.Status.INTERRUPTED, "stopped by " + plan.cancel().reason() + " after "
                            + rounds + " round(s); nothing rolled back", targets, probes, Optional.empty());
                }
                Instant roundStart = engine.clock().instant();
                Optional<MonitorResult> over = round(targets, probes);
                if (over.isPresent()) {
                    return over.get();
                }
                next = roundStart.plus(every);
                if (!next.isBefore(end)) {
                    return healthyEnd(targets, probes);
                }
            }
        }

        /** One round; the run's result when it ends the run (superseded, rolled back, interrupted). */
        private Optional<MonitorResult> round(WatchedTargets targets, ProbeSet probes) {
            rounds++;
            lastChecks = targets.check();
            Optional<Check> superseded = lastChecks.stream().filter(c -> c.verdict() == Verdict.SUPERSEDED).findFirst();
            if (superseded.isPresent()) {
                emit(true, "superseded: " + superseded.get().spec().name() + " " + superseded.get().words(), List.of());
                return Optional.of(end(MonitorResult.Status.SUPERSEDED, "target " + superseded.get().spec().name()
                        + " was " + superseded.get().words() + "; stopped watching", targets, probes, Optional.empty()));
            }
            List<String> details = new ArrayList<>();
            List<String> failed = new ArrayList<>();
            for (Check c : lastChecks) {
                details.add("target " + c.spec().name() + ": " + c.words());
                if (c.verdict() != Verdict.HELD) {
                    failed.add("target " + c.spec().name() + " " + (c.verdict() == Verdict.DRIFTED ? "drifted"
                            : "unreadable"));
                }
            }
            List<String> answers = new ArrayList<>();
            for (ProbeRuns p : probes.runs) {
                if (plan.cancel().isCancelled()) {
                    break;
                }
                ProbeAnswer a = p.ask(plan.cancel());
                String line = p.spec().name() + " " + (a.healthy() ? "ok" : "FAILED") + " (" + a.answer() + ", "
                        + a.latency().toMillis() + " ms)";
                details.add("probe " + line);
                answers.add(line);
                if (!a.healthy()) {
                    failed.add("probe " + p.spec().name());
                }
            }
            if (plan.cancel().isCancelled()) {
                rounds--;
                return Optional.of(end(MonitorResult.Status.INTERRUPTED, "stopped by " + plan.cancel().reason()
                        + " after " + rounds + " round(s); nothing rolled back", targets, probes, Optional.empty()));
            }
            boolean healthy = failed.isEmpty();
            streak = healthy ? 0 : streak + 1;
            failedRounds += healthy ? 0 : 1;
            String held = lastChecks.isEmpty() ? "" : "; " + (lastChecks.stream().allMatch(c -> c.verdict()
                    == Verdict.HELD) ? "targets hold " + plan.deploymentId() : String.join(", ", failed.stream()
                    .filter(f -> f.startsWith("target")).toList()));
            emit(healthy, (healthy ? "healthy" : "FAILED (" + streak + " of " + settings.failures() + " in a row: "
                    + String.join(", ", failed) + ")") + (answers.isEmpty() ? "" : ": " + String.join(", ", answers))
                    + held, details);
            if (streak >= settings.failures()) {
                return Optional.of(rollBack(String.join(", ", failed) + " failed " + streak + " round(s) in a row",
                        targets, probes));
            }
            return Optional.empty();
        }

        private void emit(boolean healthy, String text, List<String> details) {
            engine.events().accept(new Event.Round(engine.clock().instant(), OPERATION, rounds, healthy,
                    engine.masker().mask("round " + rounds + ": " + text),
                    details.stream().map(engine.masker()::mask).toList()));
        }

        private MonitorResult rollBack(String why, WatchedTargets targets, ProbeSet probes) {
            if (entry.isEmpty() || targets.specs().isEmpty()) {
                return end(MonitorResult.Status.FAILED, why + "; " + (entry.isEmpty() ? "the journal has no entry for "
                        + plan.deploymentId() : "the deployment wrote no target") + ", so there is nothing to roll back",
                        targets, probes, Optional.empty());
            }
            engine.step(OPERATION, "", "rolling back deployment " + plan.deploymentId() + ": " + why);
            targets.close();
            DeployInput rollbackInput = new DeployInput(in.configDir(), in.baseDirectory(), in.snapshot(), in.commit(),
                    in.dirty(), in.environment(), List.of(), Optional.of(in.deploymentId()
                    .orElse(plan.deploymentId() + "-rollback")), in.who(), false, false, in.env(), engine.masker());
            Deployment d;
            try {
                d = new StoreRollback(engine).rollback(rollbackInput, plan.deploymentId());
            } catch (ConfigCicdException e) {
                notes.add("the rollback could not start: " + engine.masker().mask(e.getMessage()));
                return end(MonitorResult.Status.ROLLBACK_FAILED, why + "; the rollback could not start", targets,
                        probes, Optional.empty());
            }
            MonitorResult.Status status = switch (d.status()) {
                case APPLIED, NOTHING_TO_DO -> MonitorResult.Status.ROLLED_BACK;
                case REFUSED -> MonitorResult.Status.ROLLBACK_REFUSED;
                default -> MonitorResult.Status.ROLLBACK_FAILED;
            };
            String what = switch (status) {
                case ROLLED_BACK -> "rolled back as deployment " + d.id() + ", verified";
                case ROLLBACK_REFUSED -> "the rollback was refused (" + d.refusals().stream().map(Refusal::message)
                        .findFirst().orElse("") + "); not forced: nothing was written";
                default -> "the rollback failed: see deployment " + d.id();
            };
            return end(status, why + "; " + what, targets, probes, Optional.of(d));
        }

        private MonitorResult healthyEnd(WatchedTargets targets, ProbeSet probes) {
            String reason = rounds + " round(s), " + failedRounds + " failed";
            if (streak > 0) {
                notes.add("the last " + streak + " round(s) failed, fewer than failures: " + settings.failures()
                        + " in a row: look before the next deploy");
                engine.events().accept(new Event.Warning(engine.clock().instant(), OPERATION, "monitor ended with "
                        + streak + " failed round(s) in a row", io.configcicd.core.model.Origin.UNKNOWN));
            }
            return end(MonitorResult.Status.HEALTHY, reason, targets, probes, Optional.empty());
        }

        private MonitorResult end(MonitorResult.Status status, String reason, WatchedTargets targets, ProbeSet probes,
                                  Optional<Deployment> rollback) {
            List<MonitorResult.TargetWatch> watches = new ArrayList<>();
            for (TargetSpec spec : targets.specs()) {
                Optional<TargetResult> back = rollback.filter(d -> d.status() != Deployment.Status.REFUSED)
                        .flatMap(d -> d.targets().stream()
                        .filter(t -> t.target().equals(spec.name())).findFirst());
                String state = back.map(t -> "rollback " + rollback.get().id() + ": " + t.status().word()
                                + (t.detail().isEmpty() ? "" : " (" + t.detail() + ")"))
                        .orElseGet(() -> lastChecks.stream().filter(c -> c.spec().name().equals(spec.name()))
                                .findFirst().map(Check::words).orElse("not read"));
                boolean held = back.isEmpty() && lastChecks.stream().anyMatch(c -> c.spec().name().equals(spec.name())
                        && c.verdict() == Verdict.HELD);
                watches.add(new MonitorResult.TargetWatch(spec.name(), spec.type(), engine.masker().mask(state), held));
            }
            return new MonitorResult(plan.deploymentId(), in.environment(), entry.map(Journal.Entry::commit)
                    .orElse(""), status, engine.masker().mask(reason), rounds, failedRounds, every,
                    settings.failures(), probes.runs.stream().map(ProbeRuns::summary).toList(), watches, rollback,
                    notes.stream().map(engine.masker()::mask).toList(), started, engine.clock().instant());
        }
    }
}
