package io.configcicd.maven;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import org.eclipse.jgit.api.Git;
import org.eclipse.jgit.api.errors.GitAPIException;

/**
 * A real git repository in a temporary directory with a configuration directory at {@code configuration/}, built
 * commit by commit for the tests of {@code config:assess}: two environments (development, production: protected),
 * a service, a {@code security} section, a database whose password is a variable reference, and logging.
 */
final class ConfigRepository {

    static final String BASE = "global/base.yaml";
    static final String PRODUCTION = "environments/production.yaml";

    static final String SETTINGS = """
            environments:
              development: {}
              production: {protected: true}
            """;

    static final String BASE_YAML = """
            service:
              name: orders
              port: 8080
            security:
              mfa_required: true
            database:
              user: orders
              password: ${DB_PASSWORD}
            logging:
              level: INFO
            """;

    /** {@link #BASE_YAML} with the same values, written in flow style with comments: no effective change. */
    static final String BASE_YAML_REFORMATTED = """
            # the same values, another layout
            service: {name: orders, port: 8080}
            security: {mfa_required: true}
            database: {user: orders, password: "${DB_PASSWORD}"}
            logging: {level: INFO}   # unchanged
            """;

    static final String PRODUCTION_YAML = """
            service:
              port: 8443
            """;

    static final String DEVELOPMENT_YAML = """
            logging:
              level: DEBUG
            """;

    private final Path root;

    private ConfigRepository(Path root) {
        this.root = root;
    }

    /** A new repository at {@code root} whose first commit holds the configuration above. */
    static ConfigRepository create(Path root) throws IOException, GitAPIException {
        Git.init().setDirectory(root.toFile()).setInitialBranch("main").call().close();
        ConfigRepository repo = new ConfigRepository(root);
        repo.write("config-cicd.yaml", SETTINGS).write(BASE, BASE_YAML).write(PRODUCTION, PRODUCTION_YAML)
                .write("environments/development.yaml", DEVELOPMENT_YAML);
        repo.commit("initial configuration");
        return repo;
    }

    /** The configuration directory. */
    Path configDir() {
        return root.resolve("configuration");
    }

    /** Writes a file of the configuration directory (not committed). */
    ConfigRepository write(String relative, String text) throws IOException {
        Path file = configDir().resolve(relative);
        Files.createDirectories(file.getParent());
        Files.writeString(file, text);
        return this;
    }

    /** Replaces the first occurrence of {@code from} in a file of the configuration directory. */
    ConfigRepository replace(String relative, String from, String to) throws IOException {
        String text = Files.readString(configDir().resolve(relative));
        if (!text.contains(from)) {
            throw new IllegalArgumentException(relative + " does not contain " + from);
        }
        return write(relative, text.replace(from, to));
    }

    /** Commits every change of the work tree, deletions included; returns the commit id. */
    String commit(String message) throws GitAPIException {
        try (Git git = Git.open(root.toFile())) {
            git.add().addFilepattern(".").call();
            git.add().setUpdate(true).addFilepattern(".").call();   // deletions too
            return git.commit().setMessage(message).setAuthor("Test", "test@example.com")
                    .setCommitter("Test", "test@example.com").setSign(false).call().getId().name();
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
