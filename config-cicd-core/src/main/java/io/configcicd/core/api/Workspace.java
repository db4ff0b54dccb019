package io.configcicd.core.api;

import io.configcicd.core.security.OutputMasker;
import io.configcicd.core.security.SecretInventory;
import java.nio.file.Path;
import java.util.Map;
import java.util.Objects;

/**
 * A configuration directory opened once for one command: its {@link ConfigurationManager} and the
 * {@link OutputMasker} of its secrets, built from the same parsed documents (the manager's directory caches what it
 * parsed, so the command's own work reads each file once). A front end opens it, masks its output with
 * {@link #masker()} before anything else, and hands it to the service that does the work:
 *
 * <pre>
 * try (Workspace ws = Workspace.open(Path.of("configuration"), System.getenv())) {
 *     out = ws.masker().masking(System.out);
 *     ValidateOutcome o = service.validate(ws, ValidateRequest.of(ws.directory()));
 * }
 * </pre>
 */
public final class Workspace implements AutoCloseable {

    private final Path directory;
    private final ConfigurationManager manager;
    private final OutputMasker masker;

    private Workspace(Path directory, ConfigurationManager manager, OutputMasker masker) {
        this.directory = directory;
        this.manager = manager;
        this.masker = masker;
    }

    /**
     * Opens the configuration directory {@code dir} for a process with environment {@code env} (whose
     * {@code CONFIG_CICD_KEY} opens ENC values for the masker, and whose values of referenced variables are masked).
     */
    public static Workspace open(Path dir, Map<String, String> env) {
        Objects.requireNonNull(env, "env");
        ConfigurationManager manager = ConfigurationManager.open(dir);
        try {
            return new Workspace(dir, manager, SecretInventory.of(manager.directory(), env));
        } catch (RuntimeException e) {
            manager.close();
            throw e;
        }
    }

    /** The directory as it was given to {@link #open}. */
    public Path directory() {
        return directory;
    }

    public ConfigurationManager manager() {
        return manager;
    }

    /** Every secret of the directory and of the environment's credentials (see {@link SecretInventory}). */
    public OutputMasker masker() {
        return masker;
    }

    @Override
    public void close() {
        manager.close();
    }
}
