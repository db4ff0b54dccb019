package io.configcicd.core.repo;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.model.Origin;
import java.util.Objects;

/**
 * A file of a configuration directory that the product cannot use as it is, found while listing the directory
 * (not while reading the file): what is wrong and what to do. It does not stop the commands it does not concern
 * ({@code list}, or {@code get} of another environment); a command that needs the file fails with
 * {@link #error()}, and {@code validate} reports every problem as a finding at the file.
 *
 * @param ruleId  the id of the finding {@code validate} reports, such as {@code layout.environment-name}
 * @param file    the file, relative to the configuration directory ({@code environments/stäging prod.yaml})
 * @param problem what is wrong, without the file's name (the origin carries it)
 * @param hint    what to do
 */
public record DirectoryProblem(String ruleId, String file, String problem, String hint) {

    /** A file in {@code environments/} whose name is no valid environment name. */
    public static final String ENVIRONMENT_NAME = "layout.environment-name";

    /** Two or more files in {@code environments/} for one environment ({@code prod.yaml} and {@code prod.json}). */
    public static final String DUPLICATE_ENVIRONMENT = "layout.duplicate-environment";

    public DirectoryProblem {
        Objects.requireNonNull(ruleId, "ruleId");
        Objects.requireNonNull(file, "file");
        Objects.requireNonNull(problem, "problem");
        Objects.requireNonNull(hint, "hint");
    }

    /** The file. */
    public Origin origin() {
        return Origin.file(file);
    }

    /** The error of a command that needs the file: bad input (exit 2) at the file. */
    public ConfigCicdException error() {
        return ConfigCicdException.badInput(origin(), problem, hint);
    }
}
