package io.configcicd.core.history;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.model.Origin;
import io.configcicd.core.model.Scope;
import io.configcicd.core.repo.ConfigDirectory;
import io.configcicd.core.repo.Settings;
import io.configcicd.core.validate.Finding;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;

/**
 * Validates a configuration as a rollback would leave it, before anything is written: the directory's
 * configuration files ({@code config-cicd.yaml}, {@code global/}, {@code environments/}, {@code schemas/}) are
 * copied to a private temporary directory, the restored files are put there, and that copy is validated by the
 * {@link RestoredStateValidator} the caller gives (the front door's validates it with its own rules, waivers and
 * threshold, so a restored {@code config-cicd.yaml} counts, plus the rules a program added to the manager's
 * validator and minus those it removed).
 */
final class RestoreValidation {

    private static final List<String> COPIED = List.of(Settings.FILE_NAME, ConfigDirectory.GLOBAL_DIR,
            ConfigDirectory.ENVIRONMENTS_DIR, ConfigDirectory.SCHEMAS_DIR);

    private RestoreValidation() {
    }

    /**
     * The findings at or above the threshold of the environment {@code env} (every environment when the restored
     * state no longer has it) in the restored state.
     *
     * @throws ConfigCicdException FINDINGS when there are some and {@code force} is false; bad input when the
     *                             restored files cannot be loaded (even when forced)
     */
    static List<Finding> check(RestoredStateValidator validator, Path root, String env, RestorePoint point,
                               BackupContent current, boolean force, LocalDate today, Scope scope) {
        Path temp = null;
        try {
            temp = Files.createTempDirectory("config-cicd-rollback-");
            for (String name : COPIED) {
                copy(root.resolve(name), temp.resolve(name));
            }
            for (String name : current.names()) {
                Files.deleteIfExists(temp.resolve(name));
            }
            for (Map.Entry<String, byte[]> f : point.content().files().entrySet()) {
                Path out = temp.resolve(f.getKey());
                if (Files.isDirectory(out)) {
                    delete(out); // a folder where the version had a file: writing the real file will say so
                }
                Files.createDirectories(out.getParent());
                Files.write(out, f.getValue());
            }
            List<Finding> failing = validate(validator, temp, env, point.content().differences(current), today,
                    point);
            if (!failing.isEmpty() && !force) {
                throw refused(failing, scope, env, point);
            }
            return failing;
        } catch (IOException e) {
            throw ConfigCicdException.external("cannot prepare the validation of the rollback: " + e.getMessage(),
                    "check that the temporary directory is writable", e);
        } finally {
            if (temp != null) {
                delete(temp);
            }
        }
    }

    private static List<Finding> validate(RestoredStateValidator validator, Path dir, String env,
                                          java.util.Set<String> changed, LocalDate today, RestorePoint point) {
        try {
            return validator.failing(dir, env, changed, today);
        } catch (ConfigCicdException e) {
            if (e.kind() != ErrorKind.BAD_INPUT) {
                throw e;
            }
            throw new ConfigCicdException(ErrorKind.BAD_INPUT, e.origin(), e.problem() + " (in version "
                    + point.version() + ", which the rollback would restore)",
                    "nothing was written; roll back to another version, or fix the file in that version", e);
        }
    }

    private static ConfigCicdException refused(List<Finding> failing, Scope scope, String env, RestorePoint point) {
        StringBuilder problem = new StringBuilder("the rollback of " + RestorePoints.what(scope, env) + " to "
                + point.version() + " is refused: the restored configuration has " + failing.size() + " finding(s):");
        for (Finding f : failing) {
            problem.append("\n  ").append(f.severity().word()).append(" [").append(f.ruleId()).append("] ");
            if (f.origin().isKnown()) {
                problem.append(f.origin()).append(": ");
            }
            if (!f.path().isRoot()) {
                problem.append(f.path()).append(": ");
            }
            problem.append(f.message());
        }
        Origin where = failing.get(0).origin();
        return new ConfigCicdException(ErrorKind.FINDINGS, where, problem.toString(),
                "nothing was written; roll back to another version, or force it (--force) and fix the findings after");
    }

    private static void copy(Path from, Path to) throws IOException {
        if (!Files.exists(from)) {
            return;
        }
        if (Files.isRegularFile(from)) {
            Files.createDirectories(to.getParent());
            Files.copy(from, to);
            return;
        }
        try (Stream<Path> s = Files.walk(from)) {
            for (Path p : s.toList()) {
                Path out = to.resolve(from.relativize(p).toString());
                if (Files.isDirectory(p)) {
                    Files.createDirectories(out);
                } else if (Files.isRegularFile(p)) {
                    Files.copy(p, out);
                }
            }
        }
    }

    private static void delete(Path tree) {
        try (Stream<Path> s = Files.walk(tree)) {
            for (Path p : s.sorted(Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        } catch (IOException | UncheckedIOException ignored) {
            // a private temporary directory; the system cleans it up eventually
        }
    }
}
