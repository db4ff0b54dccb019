package io.configcicd.core.api;

import io.configcicd.core.deploy.DeployEngine;
import io.configcicd.core.deploy.DeployInput;
import io.configcicd.core.deploy.Monitor;
import io.configcicd.core.deploy.MonitorResult;
import io.configcicd.core.event.MaskSink;
import io.configcicd.core.security.access.Permission;
import io.configcicd.core.security.audit.AuditEvent;
import io.configcicd.core.store.StoreProviders;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.Executor;

/**
 * The one service behind {@code monitor} in every front end (CLI, {@code config:monitor}, the action's
 * {@code command: monitor}): checks access ({@link Permission#ROLLBACK} on the environment, since a failed run rolls the
 * deployment back), runs the {@link Monitor} on the caller's thread, and audits the run and the rollback it made (one
 * line each, plus one per target put back). Rounds reach the workspace's event sink as {@code Event.Round}.
 */
public final class MonitorService {

    private final Executor executor;
    private final StoreProviders providers;
    private final MaskSink masks;

    public MonitorService() {
        this(MaskSink.NONE);
    }

    /** @param masks hears of every secret value the run learns (probe headers, a rollback's resolved secrets) first */
    public MonitorService(MaskSink masks) {
        this(Runnable::run, StoreProviders.installed(), masks);
    }

    public MonitorService(Executor executor, StoreProviders providers, MaskSink masks) {
        this.executor = Objects.requireNonNull(executor, "executor");
        this.providers = Objects.requireNonNull(providers, "providers");
        this.masks = Objects.requireNonNull(masks, "masks");
    }

    public MonitorOutcome monitor(Workspace ws, MonitorRequest request) {
        Governance governance = ws.governance();
        String command = "monitor";
        governance.require(Permission.ROLLBACK, request.environment(), command);
        DeployEngine engine = new DeployEngine(providers, ws.clock(), executor, ws.events(), masks);
        // no commit or work-tree state: monitor deploys nothing of the work tree, and its rollback writes back what the
        // journal recorded (as DeployService.rollback does), so no git status is run for it
        DeployInput in = new DeployInput(ws.directory(), DeployService.baseDirectory(ws), ws.snapshot(), "", "",
                request.environment(), List.of(), Optional.empty(), governance.principal().name(), false,
                false, ws.env(), ws.masker());
        Monitor.Plan plan = new Monitor.Plan(request.deploymentId(), request.duration(), request.interval(),
                request.cancel());
        AuditEvent intent = governance.event(command, "environment", request.environment(), "")
                .withDetail("deployment_id", request.deploymentId());
        MonitorResult r = governance.audited(intent, () -> new Monitor(engine).monitor(in, plan),
                done -> intent.withResult(result(done)));
        r.rollback().ifPresent(d -> {
            governance.record(command + " rollback", "environment", request.environment(), "", Optional.empty(),
                    Optional.empty(), DeployService.result(d) + " (deployment " + d.id() + ", rollback of "
                            + request.deploymentId() + ")");
            DeployService.auditRestores(governance, command + " rollback", d);
        });
        return new MonitorOutcome(r, engine.masker());
    }

    private static String result(MonitorResult r) {
        String what = r.status().word() + ": " + r.reason();
        return r.failure().isEmpty() ? AuditEvent.OK + ": " + what : AuditEvent.failed(what);
    }
}
