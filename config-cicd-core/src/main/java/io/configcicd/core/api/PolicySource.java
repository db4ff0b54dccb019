package io.configcicd.core.api;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.repo.Codecs;
import io.configcicd.core.repo.ConfigDirectory;
import io.configcicd.core.repo.Settings;
import io.configcicd.core.repo.git.CommittedFiles;
import io.configcicd.core.security.access.AccessPolicy;
import io.configcicd.core.security.audit.AuditSettings;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Where the {@code access:} and {@code audit:} sections in force come from. By default from the work tree's
 * {@code config-cicd.yaml}, which whoever runs the command can edit; with a policy ref, from that file as the ref
 * (for example {@code origin/main}, the protected default branch) has it committed, read from git's objects, as
 * GitHub reads CODEOWNERS from the base branch. The ref is, first found:
 *
 * <ol>
 *   <li>{@value #VARIABLE} in the environment (the CLI's {@code --policy-ref}, the action's {@code policy_ref} input
 *       and the Maven plugin's {@code config.policyRef} set it): a CI system can pin it outside the repository;</li>
 *   <li>{@code access.policy_from} of the work tree's {@code config-cicd.yaml}: a default for honest users, which
 *       the work tree's editor can also remove.</li>
 * </ol>
 *
 * When a ref is in force and the work tree's {@code access:} or {@code audit:} differs from the ref's, the
 * difference is {@link Policy#drift()}; in CI ({@link #isCi}) {@link Governance} refuses writes then.
 */
public final class PolicySource {

    /** The variable that names the policy ref. */
    public static final String VARIABLE = "CONFIG_CICD_POLICY_REF";

    /** What to do when the policy ref is not in the clone. */
    static final String FETCH_HINT = "fetch the ref first: git fetch origin main (only its newest commit is needed:"
            + " git fetch --depth=1 origin main:refs/remotes/origin/main); in GitHub Actions check out with"
            + " actions/checkout and fetch-depth: 0; or name a ref that exists with --policy-ref / " + VARIABLE;

    private static final List<String> SECTIONS = List.of("access", "audit");

    private PolicySource() {
    }

    /**
     * The policy in force.
     *
     * @param access the access policy
     * @param audit  the audit settings
     * @param ref    the policy ref it was read from, with its commit: {@code origin/main (1a2b3c4d5e6f)}; empty when
     *               it is the work tree's
     * @param drift  how the work tree's sections differ from the ref's, for a message; empty when they do not or
     *               when there is no ref
     */
    record Policy(AccessPolicy access, AuditSettings audit, Optional<String> ref, Optional<String> drift) {
        Policy {
            Objects.requireNonNull(access, "access");
            Objects.requireNonNull(audit, "audit");
            Objects.requireNonNull(ref, "ref");
            Objects.requireNonNull(drift, "drift");
        }
    }

    /**
     * The policy in force for a directory and a process environment.
     *
     * @throws ConfigCicdException bad input when a policy ref is set but the directory is not in a git clone, the ref
     *                             is not in the clone, or its committed sections are malformed
     */
    static Policy load(ConfigDirectory directory, Map<String, String> env) {
        ConfigMap workTree = directory.settings().raw();
        Optional<String> ref = ref(env, workTree);
        if (ref.isEmpty()) {
            return new Policy(AccessPolicy.from(workTree), AuditSettings.from(workTree), Optional.empty(), Optional.empty());
        }
        CommittedFiles.Committed at = CommittedFiles.read(directory.root(), ref.get(), Settings.FILE_NAME,
                "the policy ref", FETCH_HINT);
        String name = Settings.FILE_NAME + "@" + ref.get();
        ConfigMap committed = at.content().map(bytes -> parse(name, bytes)).orElseGet(ConfigMap::empty);
        try {
            return new Policy(AccessPolicy.from(committed), AuditSettings.from(committed),
                    Optional.of(ref.get() + " (" + at.commitId().substring(0, 12) + ")"), drift(workTree, committed));
        } catch (ConfigCicdException e) {
            throw new ConfigCicdException(e.kind(), e.origin(), e.problem() + " (in " + Settings.FILE_NAME
                    + " as the policy ref " + ref.get() + " has it committed)", e.hint(), e);
        }
    }

    /** The policy ref: {@value #VARIABLE}, else {@code access.policy_from} of the work tree's settings. */
    static Optional<String> ref(Map<String, String> env, ConfigMap workTreeSettings) {
        String pinned = env.get(VARIABLE);
        if (pinned != null && !pinned.isBlank()) {
            return Optional.of(pinned.strip());
        }
        return AccessPolicy.from(workTreeSettings).policyFrom();
    }

    /**
     * Whether the process runs in CI: {@code CI=true} (GitHub Actions, GitLab CI and most others set it), or the
     * marker of GitHub Actions, GitLab CI or Jenkins (which does not set {@code CI}).
     */
    public static boolean isCi(Map<String, String> env) {
        return "true".equalsIgnoreCase(env.getOrDefault("CI", "").strip())
                || "true".equalsIgnoreCase(env.getOrDefault("GITHUB_ACTIONS", "").strip())
                || !env.getOrDefault("GITLAB_CI", "").isBlank()
                || !env.getOrDefault("JENKINS_URL", "").isBlank();
    }

    /** Whether a ref names a commit of the clone that holds {@code configDir}; false outside git. */
    public static boolean refExists(Path configDir, String ref) {
        try {
            CommittedFiles.read(configDir, ref, Settings.FILE_NAME, "the policy ref", FETCH_HINT);
            return true;
        } catch (ConfigCicdException e) {
            if (e.kind() != ErrorKind.BAD_INPUT) {
                throw e;
            }
            return false;
        }
    }

    private static ConfigMap parse(String name, byte[] bytes) {
        if (bytes.length > LoadLimits.DEFAULT.maxDocumentBytes()) {
            throw ConfigCicdException.badInput("the policy ref's " + Settings.FILE_NAME + " is " + bytes.length
                    + " bytes, over the limit of " + LoadLimits.DEFAULT.maxDocumentBytes(), "keep it smaller");
        }
        return ConfigDirectory.asMap(Codecs.standard().forFile(Settings.FILE_NAME).parse(bytes, name,
                LoadLimits.DEFAULT), name);
    }

    /** Which of access: and audit: differ between the work tree's settings and the ref's, values compared. */
    private static Optional<String> drift(ConfigMap workTree, ConfigMap committed) {
        List<String> differ = new ArrayList<>();
        for (String section : SECTIONS) {
            ConfigNode mine = workTree.getOrNull(section);
            ConfigNode theirs = committed.getOrNull(section);
            boolean same = mine == null ? theirs == null : theirs != null && mine.sameValue(theirs);
            if (!same) {
                differ.add(section + ":");
            }
        }
        return differ.isEmpty() ? Optional.empty() : Optional.of(String.join(" and ", differ));
    }
}
