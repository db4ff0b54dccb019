package io.configcicd.core.api;

/**
 * The one method the CLI, the Maven plugin and the action call to validate: see {@link #validate}.
 */
public final class ValidationService {

    private final String version;

    /** @param version the tool version written into reports */
    public ValidationService(String version) {
        this.version = version;
    }

    /**
     * Validates the environments of a request and returns the report.
     *
     * @throws io.configcicd.core.ConfigCicdException bad input (exit 2) for an unparseable file, an unknown
     *         environment or revision; external (exit 3) when git or the file system fails
     */
    public ValidateOutcome validate(ValidateRequest request) {
        throw new UnsupportedOperationException("being written");
    }
}
