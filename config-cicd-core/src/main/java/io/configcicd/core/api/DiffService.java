package io.configcicd.core.api;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.diff.Change;
import io.configcicd.core.diff.ConfigDiff;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.security.SecretMasker;
import io.configcicd.core.security.access.Permission;
import io.configcicd.core.security.crypto.SecretCipher;
import io.configcicd.core.source.EffectiveAtRevision;
import java.util.List;

/**
 * {@code diff}: the key-level differences of a configuration from a git revision (a commit, tag or branch, read from
 * git's objects) to the files on disk, or from one environment to another, with origins. Secrets are reported as
 * added, removed or rotated (ENC values compared by what they decrypt to with the workspace's key), never printed.
 *
 * <p>Access: READ on {@code name}, and on the other environment when comparing two ({@code diff}).
 */
public final class DiffService {

    /**
     * Compares as the request says.
     *
     * @throws ConfigCicdException bad input (an unknown revision or environment, {@code --compare} naming
     *         {@code name} itself, neither or both of version and compare); access denied
     */
    public DiffOutcome diff(Workspace ws, DiffRequest request) {
        if (request.version().isPresent() == request.compare().isPresent()) {
            throw ConfigCicdException.badInput("diff compares with a git revision or with another environment",
                    "give exactly one of --version REV and --compare OTHER");
        }
        ConfigurationManager manager = ws.manager();
        Governance governance = ws.governance();
        governance.require(Permission.READ, request.name(), "diff");
        ConfigMap before;
        ConfigMap after;
        String from;
        String to;
        if (request.version().isPresent()) {
            String version = request.version().get();
            try (EffectiveAtRevision git = EffectiveAtRevision.open(ws.configDirectory().root())) {
                before = git.configuration(version, request.scope(), request.name());
                from = version + " (" + git.commitId(version).substring(0, 12) + ")";
            }
            after = manager.getConfiguration(request.scope(), request.name()).root();
            to = "working tree";
        } else {
            String other = request.compare().get();
            if (other.equals(request.name())) {
                throw ConfigCicdException.badInput("--compare names the same environment as --name",
                        "compare with another environment");
            }
            governance.require(Permission.READ, other, "diff");
            before = manager.getConfiguration(request.scope(), request.name()).root();
            after = manager.getConfiguration(request.scope(), other).root();
            from = request.name();
            to = other;
        }
        SecretMasker masker = new SecretMasker(ws.configDirectory().settings().secretKeys());
        List<Change> changes = new ConfigDiff(masker).opening(SecretCipher.opener(ws.env())).diff(before, after);
        return new DiffOutcome(request.scope(), request.name(), from, to, changes);
    }
}
