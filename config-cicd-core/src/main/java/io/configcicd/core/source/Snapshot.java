package io.configcicd.core.source;

import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.repo.DirectoryProblem;
import io.configcicd.core.repo.Settings;
import java.util.List;
import java.util.Map;

/**
 * What a validator ({@code io.configcicd.core.validate.suite.ConfigurationValidator}) reads: the settings, the schema documents,
 * the environments and their effective configurations, and the files that cannot be used as they are. A
 * configuration directory on disk is one ({@code ConfigurationManager#validator()}); the tree of a git commit read
 * straight from git's objects is another ({@code io.configcicd.core.source.EffectiveAtRevision#validationSource}),
 * so a commit is validated without copying it out. It lives here, below {@code version} and {@code api}, so that both
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
}
