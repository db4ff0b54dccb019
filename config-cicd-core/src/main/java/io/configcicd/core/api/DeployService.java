package io.configcicd.core.api;

import io.configcicd.core.deploy.DeployEngine;
import io.configcicd.core.deploy.DeployInput;
import io.configcicd.core.deploy.Deployment;
import io.configcicd.core.deploy.DriftResult;
import io.configcicd.core.deploy.Refusal;
import io.configcicd.core.deploy.StoreRollback;
import io.configcicd.core.deploy.TargetResult;
import io.configcicd.core.deploy.TargetStatus;
import io.configcicd.core.deploy.WorkTreeState;
import io.configcicd.core.event.MaskSink;
import io.configcicd.core.repo.git.GitWorkTrees;
import io.configcicd.core.security.access.Permission;
import io.configcicd.core.security.audit.AuditEvent;
import io.configcicd.core.source.EffectiveAtRevision;
import io.configcicd.core.source.Snapshot;
import io.configcicd.core.store.StoreProviders;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The one service behind {@code deploy}, {@code drift}, store {@code rollback --deployment-id} and
 * {@code test-stores} in every front end (CLI, Maven goals, the action): each method checks access, runs the
 * {@link DeployEngine} and audits what it did (every deploy, refusal, rollback and restore), and returns an outcome
 * a front end renders with {@code report.DeployReports} and turns into an exit code with its {@code failure()}.
 * Access: {@link Permission#DEPLOY} on the environment for a deploy ({@link Permission#READ} for a dry run),
 * {@link Permission#ROLLBACK} for a store rollback, {@link Permission#READ} for drift and test-stores.
 */
public final class DeployService {

    private final Executor executor;
    private final StoreProviders providers;
    private final MaskSink masks;

    /** The installed stores; targets read one after another on the calling thread. */
    public DeployService() {
        this(Runnable::run, StoreProviders.installed());
    }

    /**
     * The installed stores, read on the calling thread; {@code masks} hears of every secret value a run resolves
     * (vault references, {@code ENC[...]}, {@code ${VAR}} for a {@code secrets: resolve} target) before any event
     * that could contain it: for a runner that masks on its own side (the action's {@code ::add-mask::}).
     */
    public DeployService(MaskSink masks) {
        this(Runnable::run, StoreProviders.installed(), masks);
    }

    /** @param executor reads the targets of a deploy (a front end may pass a pool it owns) */
    public DeployService(Executor executor, StoreProviders providers) {
        this(executor, providers, MaskSink.NONE);
    }

    public DeployService(Executor executor, StoreProviders providers, MaskSink masks) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.providers = Objects.requireNonNull(providers, "providers");
        this.masks = Objects.requireNonNull(masks, "masks");
    }

    public DeployOutcome deploy(Workspace ws, DeployRequest request) {
        Governance governance = ws.governance();
        String command = request.dryRun() ? "deploy --dry-run" : "deploy";
        governance.require(request.dryRun() ? Permission.READ : Permission.DEPLOY, request.environment(), command);
        DeployEngine engine = engine(ws);
        return withSource(ws, request.revision(), (source, commit, dirty) -> {
            DeployInput in = input(ws, source, commit, dirty, request.environment(), request.targets(),
                    request.deploymentId(), request.dryRun(), request.force());
            if (request.dryRun()) {
                return new DeployOutcome(engine.deploy(in), engine.masker());
            }
            AuditEvent intent = governance.event(command, "environment", request.environment(), "")
                    .withDetail("commit", commit);
            Deployment d = governance.audited(intent, () -> engine.deploy(in), done -> intent.withResult(result(done))
                    .withDetail("deployment_id", done.id()));
            auditRestores(governance, command, d);
            return new DeployOutcome(d, engine.masker());
        });
    }

    public DeployOutcome rollback(Workspace ws, StoreRollbackRequest request) {
        Governance governance = ws.governance();
        String command = "rollback --deployment-id";
        governance.require(Permission.ROLLBACK, request.environment(), command);
        DeployEngine engine = engine(ws);
        DeployInput in = input(ws, ws.snapshot(), "", "", request.environment(), List.of(), request.rollbackId(), false,
                request.force());
        AuditEvent intent = governance.event(command, "environment", request.environment(), "")
                .withDetail("rollback_of", request.deploymentId());
        Deployment d = governance.audited(intent, () -> new StoreRollback(engine).rollback(in, request.deploymentId()),
                done -> intent.withResult(result(done)).withDetail("deployment_id", done.id()));
        auditRestores(governance, command, d);
        return new DeployOutcome(d, engine.masker());
    }

    public DriftOutcome drift(Workspace ws, DeployRequest request) {
        ws.governance().require(Permission.READ, request.environment(), "drift");
        DeployEngine engine = engine(ws);
        return withSource(ws, request.revision(), (source, commit, dirty) -> {
            DriftResult r = engine.drift(input(ws, source, commit, dirty, request.environment(), request.targets(),
                    Optional.empty(), true, false));
            return new DriftOutcome(r, engine.masker());
        });
    }

    /** @param environments empty: every environment that declares targets */
    public TestStoresOutcome testStores(Workspace ws, List<String> environments) {
        for (String e : environments) {
            ws.governance().require(Permission.READ, e, "test-stores");
        }
        if (environments.isEmpty()) {
            ws.governance().require(Permission.READ, io.configcicd.core.security.access.AccessPolicy.ANY_ENVIRONMENT,
                    "test-stores");
        }
        return new TestStoresOutcome(engine(ws).check(ws.snapshot().settings(), environments, baseDirectory(ws),
                ws.env()));
    }

    private DeployEngine engine(Workspace ws) {
        return new DeployEngine(providers, ws.clock(), executor, ws.events(), masks);
    }

    private interface WithSource<T> {
        T run(Snapshot source, String commit, String dirty);
    }

    /** The work tree (its HEAD and whether it is dirty), or a revision read from git's objects. */
    private static <T> T withSource(Workspace ws, Optional<String> revision, WithSource<T> action) {
        if (revision.isEmpty()) {
            WorkTreeState state = WorkTreeState.of(ws.directory());
            return action.run(ws.snapshot(), state.commit(), state.dirty());
        }
        try (EffectiveAtRevision at = EffectiveAtRevision.open(ws.directory())) {
            String commit = at.commitId(revision.get());
            return action.run(at.validationSource(revision.get()), commit, "");
        }
    }

    private static DeployInput input(Workspace ws, Snapshot source, String commit, String dirty, String environment,
                                     List<String> targets, Optional<String> id, boolean dryRun, boolean force) {
        return new DeployInput(ws.directory(), baseDirectory(ws), source, commit, dirty, environment, targets, id,
                ws.governance().principal().name(), dryRun, force, ws.env(), ws.masker());
    }

    /** Target paths are relative to the repository's root (the configuration directory's parent outside git). */
    static Path baseDirectory(Workspace ws) {
        Path dir = ws.directory().toAbsolutePath().normalize();
        return GitWorkTrees.workTreeOf(dir).orElseGet(() -> dir.getParent() == null ? dir : dir.getParent());
    }

    static String result(Deployment d) {
        String targets = d.targets().stream().map(t -> t.target() + " " + t.status().word())
                .collect(Collectors.joining(", "));
        return switch (d.status()) {
            case APPLIED -> AuditEvent.OK + ": " + d.status().word() + " (" + targets + ")"
                    + (d.overridden().isEmpty() ? "" : "; forced past " + rules(d.overridden(), Refusal::rule));
            case NOTHING_TO_DO, DRY_RUN -> AuditEvent.OK + ": " + d.status().word();
            case REFUSED -> "refused: " + rules(d.refusals(), Refusal::rule);
            case FAILED -> AuditEvent.failed(targets);
        };
    }

    private static String rules(List<Refusal> refusals, Function<Refusal, String> what) {
        return refusals.stream().map(what).distinct().collect(Collectors.joining(", "));
    }

    /** One audit line per target put back (or that could not be). */
    static void auditRestores(Governance governance, String command, Deployment d) {
        for (TargetResult t : d.targets()) {
            if (t.status() == TargetStatus.RESTORED || t.status() == TargetStatus.RESTORE_FAILED
                    || t.status() == TargetStatus.FAILED && t.detail().contains("put back")) {
                governance.record(command + " restore", "target", t.target(), "", Optional.empty(), Optional.empty(),
                        (t.status() == TargetStatus.RESTORE_FAILED ? "failed: " : AuditEvent.OK + ": ")
                                + t.status().word() + " (deployment " + d.id() + ")");
            }
        }
    }
}
