package io.configcicd.core.deploy;

import io.configcicd.core.event.Event;
import io.configcicd.core.event.EventSink;
import io.configcicd.core.event.MaskSink;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.Severity;
import io.configcicd.core.repo.ConfigDirectory;
import io.configcicd.core.repo.DeploySettings;
import io.configcicd.core.repo.FileLocks;
import io.configcicd.core.repo.Settings;
import io.configcicd.core.security.OutputMasker;
import io.configcicd.core.security.SecretMasker;
import io.configcicd.core.store.DeployedRecord;
import io.configcicd.core.store.StoreCheck;
import io.configcicd.core.store.StoreContext;
import io.configcicd.core.store.StoreProviders;
import io.configcicd.core.store.StoreState;
import io.configcicd.core.store.TargetSpec;
import io.configcicd.core.validate.Finding;
import io.configcicd.core.validate.suite.ConfigurationValidator;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * The deploy engine: validate, read every target, plan, check the guardrails, then (under a lock per environment)
 * journal, apply all or nothing, verify, journal again. Also drift, {@code test-stores} and, through
 * {@link StoreRollback}, store rollback. One instance per run: it collects the secret values it resolves into
 * {@link #masker()}, which the caller masks its outputs with. Starts no thread, prints nothing.
 */
public final class DeployEngine {

    private static final String DEPLOY = "deploy";

    private final StoreProviders providers;
    private final Clock clock;
    private final Executor executor;
    private final EventSink events;
    private final MaskSink masks;
    private OutputMasker masker = OutputMasker.none();

    public DeployEngine(StoreProviders providers, Clock clock, Executor executor, EventSink events) {
        this(providers, clock, executor, events, MaskSink.NONE);
    }

    /** @param masks hears of every secret value the run resolves, before any event that could contain it */
    public DeployEngine(StoreProviders providers, Clock clock, Executor executor, EventSink events, MaskSink masks) {
        this.providers = providers;
        this.clock = clock;
        this.executor = executor;
        this.events = events;
        this.masks = masks;
    }

    /** The run's masker: what the input brought plus every secret value resolved for a target. */
    public OutputMasker masker() {
        return masker;
    }

    /** Deploys (or, with {@code dryRun}, plans) an environment; never throws for a refusal or a failed target. */
    public Deployment deploy(DeployInput in) {
        masker = in.masker();
        Instant started = clock.instant();
        Settings settings = in.snapshot().settings();
        List<TargetSpec> specs = TargetSet.of(settings, in.environment(), in.targets(), providers);
        List<String> findings = validate(in);
        String id = DeploymentIds.choose(in.deploymentId(), in.env(), clock);
        Deployment.Builder d = new Deployment.Builder(Deployment.Kind.DEPLOY, id, in, started);
        if (!findings.isEmpty()) {
            return d.refused(List.of(new Refusal(Refusal.VALIDATION, "", findings.size() + " finding(s) at or above "
                    + "validation.fail_on in " + in.environment() + "; --force does not override validation", false)),
                    findings, clock.instant());
        }
        if (in.dryRun()) {
            return withTargets(in, specs, (open, plans) -> noted(in, d, open, plans,
                    noted -> d.planned(noted, Deployment.Status.DRY_RUN, clock.instant())));
        }
        Path lock = in.configDir().resolve(ConfigDirectory.STATE_DIR + "/locks/deploy-" + in.environment() + ".lock");
        return FileLocks.withLock(lock, () -> withTargets(in, specs, (open, plans) -> noted(in, d, open, plans,
                noted -> apply(in, d, open, noted))));
    }

    /**
     * Asks each target's store for its plan-time checks and notes ({@link StoreNotes}); a store's refusal refuses
     * the deploy (nothing overrides it, nothing is written), otherwise {@code then} goes on with the noted plans.
     */
    private Deployment noted(DeployInput in, Deployment.Builder d, OpenTargets open, List<Planned> plans,
                             Function<List<Planned>, Deployment> then) {
        StoreNotes.Result r = new StoreNotes(masker, (t, m) -> step(DEPLOY, t, m))
                .ask(open, plans, in.commit(), d.id(), clock.instant());
        if (!r.refusals().isEmpty()) {
            return d.refused(r.refusals(), List.of(), clock.instant())
                    .withPlans(r.plans().stream().map(Planned::plan).toList());
        }
        return then.apply(r.plans());
    }

    /** What a deploy of the environment would change, and which targets drifted from their deployed record. */
    public DriftResult drift(DeployInput in) {
        masker = in.masker();
        List<TargetSpec> specs = TargetSet.of(in.snapshot().settings(), in.environment(), in.targets(), providers);
        return withTargets(in, specs, (open, plans) -> new DriftResult(in.environment(), in.commit(),
                plans.stream().map(Planned::plan).toList()));
    }

    /**
     * {@code test-stores}: every target of the environments given (every environment with targets when empty), each
     * checked with {@code check()}; a store that cannot be opened is a failed reachability step.
     */
    public List<StoreCheck> check(Settings settings, List<String> environments, Path baseDirectory,
                                  Map<String, String> env) {
        List<String> which = environments.isEmpty() ? TargetSet.environmentsWithTargets(settings) : environments;
        List<StoreCheck> out = new ArrayList<>();
        StoreContext context = new StoreContext(clock, baseDirectory);
        for (String environment : which) {
            for (TargetSpec spec : TargetSet.of(settings, environment, List.of(), providers)) {
                out.add(StoreChecks.check(spec, env, providers, context, clock));
                step("test-stores", spec.name(), environment + ": " + (out.get(out.size() - 1).passed() ? "ok" : "failed"));
            }
        }
        return out;
    }

    /** A target's plan with what it needs to be written. */
    record Planned(TargetSpec spec, TargetPlan plan, StoreState live, DesiredContent.Built desired) {
    }

    private interface WithTargets<T> {
        T run(OpenTargets open, List<Planned> plans);
    }

    private <T> T withTargets(DeployInput in, List<TargetSpec> specs, WithTargets<T> action) {
        StoreContext context = new StoreContext(clock, in.baseDirectory());
        SecretMasker keys = new SecretMasker(in.snapshot().settings().secretKeys());
        ConfigMap effective = (ConfigMap) in.snapshot().effective(in.environment()).withoutHistory();
        List<DesiredContent.Built> built = new ArrayList<>();
        for (TargetSpec spec : specs) {
            DesiredContent.Built b = DesiredContent.build(effective, spec, in.env(), keys);
            learn(b.resolved());
            built.add(b);
        }
        try (OpenTargets open = OpenTargets.open(specs, in.env(), providers, context, (t, m) -> step(DEPLOY, t, m))) {
            Map<String, StoreState> live = open.readAll(executor);
            Planner planner = new Planner(new ValueMasking(keys, masker));
            List<Planned> plans = new ArrayList<>();
            for (int i = 0; i < specs.size(); i++) {
                TargetSpec spec = specs.get(i);
                StoreState state = live.get(spec.name());
                TargetPlan plan = planner.plan(spec, state, built.get(i).content(), built.get(i).tree());
                step(DEPLOY, spec.name(), "read: " + plan.changes().size() + " change(s)" + (plan.drift() ? ", drift" : ""));
                plans.add(new Planned(spec, plan, state, built.get(i)));
            }
            return action.run(open, plans);
        }
    }

    private Deployment apply(DeployInput in, Deployment.Builder d, OpenTargets open, List<Planned> plans) {
        Guardrails guardrails = new Guardrails(DeploySettings.from(in.snapshot().settings().raw()));
        boolean isProtected = in.snapshot().settings().isProtected(in.environment());
        List<Refusal> refusals = guardrails.check(plans.stream().map(Planned::plan).toList(), in.environment(),
                isProtected ? in.dirty() : "");
        List<TargetPlan> all = plans.stream().map(Planned::plan).toList();
        if (!refusals.isEmpty() && !in.force()) {
            return d.refused(refusals, List.of(), clock.instant()).withPlans(all);
        }
        d.overridden(refusals);
        if (plans.stream().allMatch(p -> p.plan().upToDate())) {
            return d.planned(plans, Deployment.Status.NOTHING_TO_DO, clock.instant());
        }
        Journal journal = new Journal(in.configDir());
        String id = DeploymentIds.free(d.id(), journal::exists);
        d.id(id);
        Instant now = clock.instant();
        List<Applier.Step> steps = new ArrayList<>();
        Map<String, Journal.Written> written = new LinkedHashMap<>();
        List<TargetResult> results = new ArrayList<>();
        for (Planned p : plans) {
            if (p.plan().upToDate()) {
                results.add(new TargetResult(p.plan(), TargetStatus.UP_TO_DATE, "already holds this content"));
                continue;
            }
            StoreState desired = StoreState.of(p.desired().content(),
                    DeployedRecord.of(p.desired().content(), in.commit(), id, now))
                    .withSecretEntries(p.desired().secretEntries());
            TargetResult planned = new TargetResult(p.plan(), TargetStatus.PLANNED, "");
            steps.add(new Applier.Step(open.store(p.spec().name()), planned, p.live(), desired));
            written.put(p.spec().name(), new Journal.Written(p.live(), desired,
                    p.spec().secrets() == io.configcicd.core.store.SecretsMode.RESOLVE));
            results.add(planned);
        }
        return applySteps(d, results, steps, written, new ValueMasking(
                new SecretMasker(in.snapshot().settings().secretKeys()), masker), journal);
    }

    /** Journals the start, applies all or nothing, journals the end. Shared with {@link StoreRollback}. */
    Deployment applySteps(Deployment.Builder d, List<TargetResult> results, List<Applier.Step> steps,
                          Map<String, Journal.Written> written, ValueMasking masking, Journal journal) {
        String operation = d.kind() == Deployment.Kind.DEPLOY ? DEPLOY : "rollback";
        journal.write(d.finish(results, Deployment.Status.APPLIED, clock.instant()), "started", written, masking);
        step(operation, "", "journal " + Journal.relative(d.id()) + " started");
        Applier.Outcome outcome = new Applier(masker, (t, m) -> step(operation, t, m)).apply(steps);
        Map<String, TargetResult> byName = new LinkedHashMap<>();
        results.forEach(r -> byName.put(r.target(), r));
        outcome.results().forEach(r -> byName.put(r.target(), r));
        Deployment done = d.finish(List.copyOf(byName.values()), outcome.failure().isPresent()
                ? Deployment.Status.FAILED : Deployment.Status.APPLIED, clock.instant());
        journal.write(done, done.status().word(), written, masking);
        return done;
    }

    /** Findings of the environment at or above {@code validation.fail_on}, as masked lines. */
    private List<String> validate(DeployInput in) {
        step(DEPLOY, "", "validating " + in.environment());
        ConfigurationValidator validator = ConfigurationValidator.of(in.snapshot());
        Severity failOn = validator.settings().failOn().orElse(Severity.ERROR);
        List<String> out = new ArrayList<>();
        for (Finding f : validator.validate(List.of(in.environment()), LocalDate.now(clock)).findings()) {
            if (f.severity().atLeast(failOn)) {
                out.add(masker.mask(f.severity().word() + " [" + f.ruleId() + "] " + f.path() + ": " + f.message()));
            }
        }
        return out;
    }

    void step(String operation, String target, String message) {
        events.accept(new Event.TargetStep(clock.instant(), operation, target, masker.mask(message)));
    }

    Clock clock() {
        return clock;
    }

    /** Starts a run (monitor) with the caller's masker, whose values the caller masks already. */
    void startWith(OutputMasker callers) {
        masker = callers;
    }

    EventSink events() {
        return events;
    }

    StoreProviders providers() {
        return providers;
    }

    Executor executor() {
        return executor;
    }

    /** Masks {@code more} from now on; the values not known before go to the {@link MaskSink} first. */
    void learn(OutputMasker more) {
        List<String> known = masker.values();
        List<String> fresh = more.values().stream().filter(v -> !known.contains(v)).toList();
        if (!fresh.isEmpty()) {
            masks.learned(fresh);
        }
        masker = masker.with(more);
    }

    static Duration elapsed(Instant from, Instant to) {
        return Duration.between(from, to);
    }
}
