package io.configcicd.core.version;

import io.configcicd.core.validate.Finding;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.List;

/**
 * Validates a configuration as a rollback would leave it (see {@link RollbackValidation}). The validator of a
 * configuration directory is the front door's ({@code io.configcicd.core.api.RollbackValidators#of}), which this
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
}
