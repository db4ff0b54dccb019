package io.configcicd.core.history;

import io.configcicd.core.validate.Finding;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;

/**
 * Validates a configuration as a rollback would leave it (see {@link RestoreValidation}). The validator of a
 * configuration directory is the front door's ({@code io.configcicd.core.api.RestoreValidators#of}), which this
 * package does not import: the caller passes it in.
 */
@FunctionalInterface
public interface RestoredStateValidator {

    /**
     * The findings at or above the validation threshold of {@code copy}'s settings.
     *
     * @param copy        a private copy of the configuration directory with the restored files in place
     * @param environment the environment rolled back; when {@code copy} no longer has it, every environment
     * @return empty when the copy has no environment at all
     * @throws io.configcicd.core.ConfigCicdException bad input when a file of the copy does not load
     */
    List<Finding> failing(Path copy, String environment, LocalDate today);

    /**
     * The same, knowing which files the rollback changes (written or deleted, relative to the configuration
     * directory): a validator that checks access or validates every environment those files reach overrides this.
     * Called before anything is written, holding the locks of the configuration's files.
     *
     * @param changed the files that differ between the directory and the version restored, sorted
     */
    default List<Finding> failing(Path copy, String environment, Set<String> changed, LocalDate today) {
        return failing(copy, environment, today);
    }
}
