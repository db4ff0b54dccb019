package io.configcicd.core.api;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigNodes;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.Origin;
import io.configcicd.core.model.Scope;
import io.configcicd.core.repo.ConfigDirectory;
import io.configcicd.core.report.RepositoryPaths;
import io.configcicd.core.security.SecretMasker;
import io.configcicd.core.security.access.AccessPolicy;
import io.configcicd.core.security.access.Permission;
import io.configcicd.core.security.audit.AuditEvent;
import io.configcicd.core.security.crypto.Decryptor;
import io.configcicd.core.security.crypto.EncryptedValue;
import io.configcicd.core.security.crypto.KeyLoader;
import io.configcicd.core.security.crypto.SecretCipher;
import io.configcicd.core.security.external.ExternalSecretInterpolator;
import io.configcicd.core.security.external.ResolvingVariableSource;
import io.configcicd.core.source.DirectorySnapshot;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The operations that read the configuration and change nothing: {@link #get} a value, a subtree or a whole
 * configuration, {@link #list} the configurations of a scope, {@link #explain} where an effective value was set.
 * Each checks the principal's access first (a denial is audited and thrown as
 * {@link io.configcicd.core.security.access.AccessDeniedException}) and returns values with their secrets masked;
 * only {@code get} with {@link GetRequest#reveal()} returns real secrets, after the {@code reveal} permission was
 * checked, and writes the audit line {@code get --reveal}. The writes are {@link WriteService}'s.
 */
public final class ReadService {

    public ReadService() {
    }

    /**
     * The value at the request's path (or the whole configuration), masked, or revealed as the request asks.
     *
     * @throws io.configcicd.core.security.access.AccessDeniedException without {@code read}, or {@code reveal} when
     *                                                                  the request reveals (audited)
     * @throws ConfigCicdException bad input for an unknown environment, a path that is not set, an unset variable or
     *                             a missing key when revealing
     */
    public GetOutcome get(Workspace ws, GetRequest request) {
        Governance governance = ws.governance();
        governance.require(Permission.READ, request.name(), "get");
        if (request.reveal()) {
            governance.require(Permission.REVEAL, request.name(), "get --reveal");
        }
        Configuration config = configuration(ws.snapshot(), request.scope(), request.name());
        ConfigPath path = request.path().orElse(ConfigPath.root());
        ConfigNode node = ConfigNodes.at(config.root(), path);
        if (node == null) {
            String parent = path.size() > 1 ? "with --path " + path.parent() : "without --path";
            throw ConfigCicdException.badInput("'" + path + "' is not set in " + config,
                    "run get " + parent + " to see the keys that exist");
        }
        if (!request.reveal()) {
            return new GetOutcome(request.scope(), request.name(), path, masker(ws).mask(path, node), false);
        }
        ConfigNode resolved = new ExternalSecretInterpolator(ResolvingVariableSource.standard(ws.env()))
                .resolve(decrypted(node, ws.env()), path);
        governance.record("get --reveal", word(request.scope()), request.name(), path.toString(),
                Optional.empty(), Optional.empty(), AuditEvent.OK);
        return new GetOutcome(request.scope(), request.name(), path, resolved, true);
    }

    /**
     * The configurations of the request's scope, each with the files it is made of, and notes about the files that
     * cannot be used as they are.
     *
     * @throws io.configcicd.core.security.access.AccessDeniedException without {@code read} (audited)
     */
    public ListOutcome list(Workspace ws, ListRequest request) {
        ws.governance().require(Permission.READ, AccessPolicy.ANY_ENVIRONMENT, "list");
        ConfigDirectory directory = ws.configDirectory();
        List<ListOutcome.Entry> entries = new ArrayList<>();
        for (String name : names(directory, request.scope())) {
            List<String> files = new ArrayList<>();
            if (request.scope() == Scope.GLOBAL) {
                files.addAll(directory.globalDocuments());
            }
            directory.environmentDocument(name).ifPresent(files::add);
            entries.add(new ListOutcome.Entry(name, files));
        }
        List<String> notes = directory.problems().stream()
                .map(p -> p.file() + ": " + p.problem() + " (" + p.hint() + ")").toList();
        return new ListOutcome(request.scope(), entries, notes);
    }

    /**
     * Where the effective value at the request's path was set and what it overrode, masked, origins relative to the
     * repository root.
     *
     * @throws io.configcicd.core.security.access.AccessDeniedException without {@code read} on the environment (audited)
     * @throws ConfigCicdException bad input for an unknown environment or a path that is not set
     */
    public ExplainOutcome explain(Workspace ws, ExplainRequest request) {
        ws.governance().require(Permission.READ, request.environment(), "explain");
        Explanation e = explanation(ws.snapshot(), request.environment(), request.path());
        SecretMasker masker = masker(ws);
        RepositoryPaths paths = ws.paths();
        List<ExplainOutcome.Overridden> overridden = new ArrayList<>();
        for (ConfigNode o : e.overridden()) {
            ConfigNode masked = masker.mask(e.path(), o);
            overridden.add(new ExplainOutcome.Overridden(masked, relative(paths, masked.origin())));
        }
        return new ExplainOutcome(e.environment(), e.path(), masker.mask(e.path(), e.value()),
                relative(paths, e.setAt()), overridden);
    }

    // ----------------------------------------------------------------- shared with ConfigurationManager

    /** {@code GLOBAL, E}: E's effective configuration; {@code ENVIRONMENT, E}: E's override document alone. */
    static Configuration configuration(DirectorySnapshot snapshot, Scope scope, String name) {
        if (scope == Scope.GLOBAL) {
            return new Configuration(Scope.GLOBAL, name, snapshot.effective(name));
        }
        return new Configuration(Scope.ENVIRONMENT, name, snapshot.override(name));
    }

    /** {@code GLOBAL}: every environment; {@code ENVIRONMENT}: those with an override document. */
    static List<String> names(ConfigDirectory directory, Scope scope) {
        if (scope == Scope.GLOBAL) {
            return directory.environments();
        }
        return directory.environments().stream().filter(e -> directory.environmentDocument(e).isPresent()).toList();
    }

    /** Where the effective value of a path in an environment was set, and what it overrode (unmasked). */
    static Explanation explanation(DirectorySnapshot snapshot, String environment, ConfigPath p) {
        ConfigMap root = snapshot.effective(environment);
        ConfigNode node = ConfigNodes.at(root, p);
        if (node == null) {
            throw ConfigCicdException.badInput("'" + p + "' is not set in the effective configuration of " + environment,
                    "run 'list' or 'get --path <parent>' to see the keys that exist");
        }
        Origin setAt = node.origin();
        if (!p.isRoot() && p.last() instanceof ConfigPath.Key k && ConfigNodes.at(root, p.parent()) instanceof ConfigMap parent) {
            setAt = node instanceof ConfigMap ? parent.keyOrigin(k.name()) : node.origin();
        }
        return new Explanation(environment, p, node, setAt, node.overridden());
    }

    // ----------------------------------------------------------------- helpers

    private static ConfigNode decrypted(ConfigNode node, Map<String, String> env) {
        if (EncryptedValue.findAll(node).isEmpty()) {
            return node;
        }
        return new Decryptor(new SecretCipher(KeyLoader.require(env, Optional.empty()))).decrypt(node);
    }

    private static SecretMasker masker(Workspace ws) {
        return ws.secretKeys();
    }

    private static Origin relative(RepositoryPaths paths, Origin origin) {
        return origin.isKnown() ? new Origin(paths.file(origin.file()), origin.line(), origin.column()) : origin;
    }

    /** A scope as the audit log writes it: global or environment. */
    static String word(Scope scope) {
        return scope.name().toLowerCase(Locale.ROOT);
    }
}
