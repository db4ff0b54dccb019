package io.configcicd.core.source;

import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.repo.DirectoryProblem;
import io.configcicd.core.repo.Settings;
import io.configcicd.core.security.OutputMasker;
import io.configcicd.core.security.SecretMasker;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * An immutable view of a configuration directory at one point in time: the work tree ({@link DirectorySnapshot}) or a
 * git revision ({@link EffectiveAtRevision#validationSource}). Every service works on snapshots.
 *
 * <p>What a validator ({@code io.configcicd.core.validate.suite.ConfigurationValidator}) reads: the settings, the schema documents,
 * the environments and their effective configurations, and the files that cannot be used as they are. A
 * configuration directory on disk is one ({@code ConfigurationManager#validator()}); the tree of a git commit read
 * straight from git's objects is another ({@code io.configcicd.core.source.EffectiveAtRevision#validationSource}),
 * so a commit is validated without copying it out. It lives here, below {@code validate}, {@code history} and {@code api}, so that all of them
 * can use it without one importing the other.
 */
public interface Snapshot {

    /** The settings file, or the defaults. */
    Settings settings();

    /** Every environment, sorted; bad input when there is none is the validator's to report. */
    List<String> environments();

    /**
     * The effective configuration of an environment, origins naming files relative to the configuration directory.
     *
     * @throws io.configcicd.core.ConfigCicdException bad input for an unknown environment or a file that does not load
     */
    ConfigMap effective(String environment);

    /**
     * The schema documents by file name relative to the configuration directory ({@code schemas/app.json}), in
     * name order; empty when there are none.
     *
     * @throws io.configcicd.core.ConfigCicdException bad input naming the file when one cannot be read
     */
    Map<String, ConfigMap> schemaDocuments();

    /**
     * The files that cannot be used as they are (a file in {@code environments/} whose name is no environment name,
     * several files for one environment), which the validator reports as findings; empty when there are none.
     */
    default List<DirectoryProblem> problems() {
        return List.of();
    }

    /** A short description for messages: the directory, or the directory at a commit. */
    String describe();

    /** The full id of the commit this snapshot was read from; empty for the work tree. */
    default Optional<String> revision() {
        return Optional.empty();
    }

    /**
     * A masker of every secret this snapshot holds: the values under secret keys of every environment's effective
     * configuration, as they are written (references, {@code ENC[...]} text, literals), in every encoding
     * ({@link OutputMasker}). Real values behind references and ENC texts are the caller's to add (they depend on the
     * process environment and the key: {@code security.SecretInventory}).
     */
    default OutputMasker secrets() {
        OutputMasker.Builder b = OutputMasker.builder(new SecretMasker(settings().secretKeys()));
        for (String environment : environments()) {
            b.addSecretsOf(effective(environment));
        }
        return b.build();
    }
}
