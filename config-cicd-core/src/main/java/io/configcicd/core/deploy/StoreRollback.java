package io.configcicd.core.deploy;

import java.util.Optional;
import io.configcicd.core.store.DeployedRecord;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.source.EffectiveAtRevision;
import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.repo.ConfigDirectory;
import io.configcicd.core.repo.FileLocks;
import io.configcicd.core.security.SecretMasker;
import io.configcicd.core.store.StoreContent;
import io.configcicd.core.store.StoreContext;
import io.configcicd.core.store.StoreState;
import io.configcicd.core.store.TargetSpec;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * Store rollback ({@code rollback --environment E --deployment-id ID}): puts every target a deployment wrote back to
 * the content and record the journal says it held before. It is a deployment itself (its own id and journal entry,
 * {@code rollback_of} naming the original), all or nothing like a deploy, and guarded by check-and-set: a target that
 * moved on since the deployment (it no longer holds what the deployment wrote) is refused unless {@code force}. A
 * target whose previous content the journal withheld (a secret, resolved or not) is rebuilt from git: the configuration
 * of the commit its previous record names, encoded for the target as a deploy would (secrets resolved again for
 * {@code secrets: resolve}), and used only when its SHA-256 is the one that record holds; otherwise (a work-tree or
 * dirty deploy, a secret rotated since) it is refused: deploy the previous commit.
 */
public final class StoreRollback {

    private final DeployEngine engine;

    public StoreRollback(DeployEngine engine) {
        this.engine = engine;
    }

    /** Rolls back deployment {@code original}; {@code in.deploymentId()} is the rollback's own id, if given. */
    public Deployment rollback(DeployInput in, String original) {
        Journal journal = new Journal(in.configDir());
        Journal.Entry entry = journal.read(DeploymentIds.check(original));
        if (!entry.environment().equals(in.environment())) {
            throw ConfigCicdException.badInput("deployment " + original + " deployed " + entry.environment() + ", not "
                    + in.environment(), "pass --environment " + entry.environment());
        }
        List<Journal.Target> written = entry.targets().stream().filter(t -> t.written().isPresent()
                && (t.status().equals(TargetStatus.APPLIED.word()) || t.status().equals(TargetStatus.RESTORE_FAILED.word())))
                .toList();
        if (written.isEmpty()) {
            throw ConfigCicdException.badInput("deployment " + original + " left no target changed (status "
                    + entry.status() + "): there is nothing to roll back", "see " + Journal.relative(original));
        }
        String id = DeploymentIds.choose(in.deploymentId(), in.env(), engine.clock());
        Deployment.Builder d = new Deployment.Builder(Deployment.Kind.ROLLBACK, id, in.environment(),
                "rollback of " + original, in.who(), engine.clock().instant());
        d.rollbackOf(original);
        List<TargetSpec> specs = TargetSet.of(in.snapshot().settings(), in.environment(),
                written.stream().map(Journal.Target::name).toList(), engine.providers());
        Path lock = in.configDir().resolve(ConfigDirectory.STATE_DIR + "/locks/deploy-" + in.environment() + ".lock");
        return FileLocks.withLock(lock, () -> run(in, d, journal, written, specs));
    }

    private Deployment run(DeployInput in, Deployment.Builder d, Journal journal, List<Journal.Target> written,
                           List<TargetSpec> specs) {
        SecretMasker keys = new SecretMasker(in.snapshot().settings().secretKeys());
        ValueMasking masking = new ValueMasking(keys, engine.masker());
        Planner planner = new Planner(masking);
        try (OpenTargets open = OpenTargets.open(specs, in.env(), engine.providers(),
                new StoreContext(engine.clock(), in.baseDirectory()), (t, m) -> engine.step("rollback", t, m))) {
            Map<String, StoreState> live = open.readAll(engine.executor());
            List<Refusal> refusals = new ArrayList<>();
            List<TargetPlan> plans = new ArrayList<>();
            List<Applier.Step> steps = new ArrayList<>();
            List<TargetResult> results = new ArrayList<>();
            Map<String, Journal.Written> journaled = new LinkedHashMap<>();
            for (int i = 0; i < specs.size(); i++) {
                TargetSpec spec = specs.get(i);
                Journal.Target t = written.get(i);
                StoreState now = live.get(spec.name());
                Optional<StoreContent> previousContent = t.previous().or(() -> regenerated(in, spec, t, keys));
                if (previousContent.isEmpty()) {
                    refusals.add(new Refusal(Refusal.WITHHELD, spec.name(), "target " + spec.name() + ": the journal"
                            + " keeps no resolved secret, so its previous content (" + String.join(", ", t.withheld())
                            + ") cannot be written back; deploy the commit it held before instead: deploy --commit-hash "
                            + t.previousRecord().map(r -> r.commit()).orElse("<previous commit>"), false));
                    continue;
                }
                if (!now.record().equals(t.written()) || !t.written().get().describes(now.content())) {
                    refusals.add(new Refusal(Refusal.MOVED_ON, spec.name(), "target " + spec.name() + " no longer holds"
                            + " what deployment " + t.written().get().deploymentId() + " wrote (it holds "
                            + now.record().map(r -> "deployment " + r.deploymentId()).orElse("content without a record")
                            + (now.drifted() ? ", edited by hand" : "") + ")", true));
                }
                StoreContent previous = previousContent.get();
                StoreState desired = new StoreState(previous, t.previousRecord(),
                        DesiredContent.secretEntries(previous, keys));
                SortedMap<String, String> entries = Planner.entries(previous, spec.format()).orElse(new TreeMap<>());
                TargetPlan plan = planner.plan(spec, now, previous, entries);
                plans.add(plan);
                TargetResult planned = new TargetResult(plan, TargetStatus.PLANNED, "");
                results.add(planned);
                steps.add(new Applier.Step(open.store(spec.name()), planned, now, desired));
                journaled.put(spec.name(), new Journal.Written(now, desired,
                        spec.secrets() == io.configcicd.core.store.SecretsMode.RESOLVE));
            }
            boolean blocked = refusals.stream().anyMatch(r -> !r.forceable() || !in.force());
            if (blocked) {
                return d.refused(refusals, List.of(), engine.clock().instant()).withPlans(plans);
            }
            d.overridden(refusals);
            d.id(DeploymentIds.free(d.id(), journal::exists));
            return engine.applySteps(d, results, steps, journaled, masking, journal);
        }
    }

    /**
     * The previous content of a target whose journal entry withheld it, rebuilt from the commit of its previous
     * record; empty when that record names no commit of this repository or the rebuilt content is not byte for byte
     * what the target held (its SHA-256 differs).
     */
    private Optional<StoreContent> regenerated(DeployInput in, TargetSpec spec, Journal.Target t, SecretMasker keys) {
        Optional<DeployedRecord> record = t.previousRecord().filter(r -> r.commit().matches("[0-9a-f]{40}"));
        if (record.isEmpty()) {
            return Optional.empty();
        }
        try (EffectiveAtRevision at = EffectiveAtRevision.open(in.configDir())) {
            ConfigMap effective = at.effective(record.get().commit(), in.environment());
            DesiredContent.Built built = DesiredContent.build(effective, spec, in.env(), keys);
            if (!built.content().sha256().equals(record.get().sha256())) {
                return Optional.empty();
            }
            engine.learn(built.resolved());
            return Optional.of(built.content());
        } catch (ConfigCicdException e) {
            return Optional.empty();
        }
    }
}
