package io.configcicd.core.api;

import io.configcicd.core.model.RiskLevel;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.impact.Assessment;
import io.configcicd.core.impact.Assessor;
import io.configcicd.core.report.AssessOutcome;
import io.configcicd.core.repo.Codecs;
import io.configcicd.core.repo.ConfigDirectory;
import io.configcicd.core.repo.git.GitWorkTrees;
import io.configcicd.core.security.access.Permission;
import io.configcicd.core.security.crypto.SecretCipher;
import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.Executor;

/**
 * The one method the CLI, the Maven plugin and the action call to assess a change ({@link #assess}): it checks
 * that the principal may read every environment (access control of the work tree's settings, so a commit cannot
 * grant itself rights; a denial is audited and exits 4), reads both revisions from git, and rates the effective
 * changes of each environment.
 *
 * <pre>
 * AssessOutcome o = new AssessmentService("1.0").assess(AssessRequest.of(Path.of("configuration"))
 *         .withEnvironments(List.of("production")).withFailOn(RiskLevel.CRITICAL));
 * </pre>
 */
public final class AssessmentService {

    private final String version;
    private final Clock clock;
    private final Map<String, String> env;
    private final Executor executor;

    /** @param version the tool version written into reports */
    public AssessmentService(String version) {
        this(version, Clock.systemDefaultZone(), System.getenv());
    }

    /**
     * @param clock the date waivers expire against
     * @param env   the process environment, which names the principal that access control checks
     */
    public AssessmentService(String version, Clock clock, Map<String, String> env) {
        this(version, clock, env, Runnable::run);
    }

    /**
     * @param executor where the base revision is read and validated while the calling thread does the head's; the
     *                 service starts no thread of its own ({@code Runnable::run}, the default: one after the other on
     *                 the caller's thread). The caller owns it and shuts it down.
     */
    public AssessmentService(String version, Clock clock, Map<String, String> env, Executor executor) {
        this.version = Objects.requireNonNull(version, "version");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.env = Map.copyOf(env);
        this.executor = Objects.requireNonNull(executor, "executor");
    }

    /**
     * Assesses the change of a request.
     *
     * @throws ConfigCicdException bad input (exit 2) for a directory outside git, an unknown revision or
     *         environment, a file that does not load; access denied (exit 4); external (exit 3) when git fails
     */
    public AssessOutcome assess(AssessRequest request) {
        LocalDate today = LocalDate.now(clock);
        Executor direct = Runnable::run;
        ConfigDirectory workTree = ConfigDirectory.open(request.configDir(), Codecs.standard(), direct);
        Governance governance = Governance.of(workTree, env);
        Assessor assessor = new Assessor(SecretCipher.opener(env), executor);
        List<Assessment> assessments;
        if (request.environments().isEmpty()) {
            assessments = assessor.assess(request.configDir(), List.of(), request.baseRevision(), request.head(), today);
            assessments.forEach(a -> governance.require(Permission.READ, a.environment(), "assess"));
        } else {
            request.environments().forEach(e -> governance.require(Permission.READ, e, "assess"));
            assessments = assessor.assess(request.configDir(), request.environments(), request.baseRevision(),
                    request.head(), today);
        }
        return new AssessOutcome(version, GitWorkTrees.repositoryPrefix(request.configDir()), request.deploymentId(),
                assessments, request.failOn());
    }
}
