package io.configcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Secrets seeded in two revisions (literal, in a URL's user-info, base64 under an ordinary key) never appear in an
 * output that shows values of either revision: diff, history, assess (every format and report file) and validate of a
 * commit. The old revision's secrets are no longer in the work tree, so only masking with the secrets of every
 * revision read hides them; a URL password that is no configured secret is hidden by its shape.
 */
class SecretsOfEveryRevisionTest {

    private static final String OLD = "old-Secret-Pa55";
    private static final String NEW = "new-Secret-Pa66";
    private static final String OLD_URL_ONLY = "only-In-Url-77";
    private static final String NEW_URL_ONLY = "only-In-Url-88";
    private static final List<String> FORBIDDEN = List.of(OLD, NEW, base64(OLD), base64(NEW), OLD_URL_ONLY,
            NEW_URL_ONLY);

    @TempDir
    Path tmp;

    private Path repo;
    private Path config;
    private final List<CliRun> runs = new ArrayList<>();
    private final List<String> commands = new ArrayList<>();
    private final List<Path> reports = new ArrayList<>();

    private static String base64(String s) {
        return Base64.getEncoder().encodeToString(s.getBytes(StandardCharsets.UTF_8));
    }

    private static String base(String password, String urlOnly) {
        return "db:\n  password: " + password + "\n  conn: postgres://admin:" + password + "@db.internal/app\n"
                + "  b64: " + base64(password) + "\n"
                + "cache:\n  url: redis://:" + urlOnly + "@cache.internal:6379/0\n"
                + "app:\n  port: 8080\n";
    }

    @BeforeEach
    void twoRevisionsWithDifferentSecrets() throws Exception {
        repo = tmp.resolve("repo");
        config = repo.resolve("configuration");
        Files.createDirectories(config.resolve("global"));
        Files.createDirectories(config.resolve("environments"));
        Files.createDirectories(config.resolve("schemas"));
        // the schema fails on db.b64 and cache.url, so validation messages quote (masked) values of each revision
        Files.writeString(config.resolve("schemas/config.schema.json"), """
                {"$schema": "https://json-schema.org/draft/2020-12/schema", "type": "object",
                 "properties": {"db": {"type": "object", "properties": {"b64": {"maxLength": 4}}},
                                "cache": {"type": "object", "properties": {"url": {"maxLength": 4}}}}}
                """);
        Files.writeString(config.resolve("global/base.yaml"), base(OLD, OLD_URL_ONLY));
        Files.writeString(config.resolve("environments/production.yaml"), "app:\n  port: 9090\n");
        Files.writeString(config.resolve("environments/staging.yaml"), "app:\n  port: 9091\n");
        git("init", "-q", "-b", "main");
        git("add", "-A");
        git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "initial");
        Files.writeString(config.resolve("global/base.yaml"), base(NEW, NEW_URL_ONLY).replace("8080", "8081"));
        git("add", "-A");
        git("-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "rotate the password");
    }

    private void run(String... args) {
        runs.add(CliRun.in(config, args));
        commands.add(String.join(" ", args));
    }

    private void assertNoSecretIn(int i) {
        CliRun r = runs.get(i);
        for (String secret : FORBIDDEN) {
            assertThat(r.out() + r.err()).as(commands.get(i)).doesNotContain(secret);
        }
    }

    private String report(String name) {
        Path file = tmp.resolve(name);
        reports.add(file);
        return file.toString();
    }

    @Test
    void noOutputShowsASecretOfEitherRevision() throws Exception {
        for (String format : new String[] {"text", "json", "yaml"}) {
            run("get", "--scope", "global", "--name", "production", "--format", format);
            run("get", "--scope", "global", "--name", "production", "--path", "cache.url", "--format", format);
            run("explain", "--environment", "production", "--path", "db.conn", "--format", format);
            run("list", "--scope", "global", "--format", format);
            run("diff", "--scope", "global", "--name", "production", "--version", "HEAD~1", "--format", format);
            run("diff", "--scope", "environment", "--name", "production", "--version", "HEAD~1", "--format", format);
            run("diff", "--scope", "global", "--name", "production", "--compare", "staging", "--format", format);
            run("history", "--scope", "global", "--name", "production", "--format", format);
            run("history", "--scope", "environment", "--name", "production", "--format", format);
        }
        for (String format : new String[] {"text", "json", "markdown", "junit", "sarif", "gitlab", "github"}) {
            run("assess", "--environment", "production", "--format", format,
                    "--report", format + "=" + report("assess-head." + format));
            run("assess", "--environment", "production", "--commit-hash", "HEAD~1", "--format", format,
                    "--report", format + "=" + report("assess-root." + format));
            run("assess", "--all-environments", "--base", "HEAD", "--commit-hash", "HEAD~1", "--format", format);
        }
        for (String format : new String[] {"text", "json", "junit", "sarif", "gitlab", "github", "markdown"}) {
            run("validate", "--all-environments", "--commit-hash", "HEAD~1", "--verbose", "--format", format,
                    "--report", format + "=" + report("validate-old." + format));
            run("validate", "--all-environments", "--verbose", "--format", format);
        }

        // validate --schema over each revision's base file, as a pipeline would check files of another commit
        Path schema = config.resolve("schemas/config.schema.json");
        Path oldFile = tmp.resolve("old-base.yaml");
        Files.writeString(oldFile, git("show", "HEAD~1:configuration/global/base.yaml"));
        Path newFile = config.resolve("global/base.yaml");
        for (String format : new String[] {"text", "json", "junit", "sarif", "gitlab", "github", "markdown"}) {
            for (Path file : List.of(oldFile, newFile)) {
                runs.add(CliRun.run("validate", "--schema", schema.toString(), file.toString(), "--format", format,
                        "--report", format + "=" + report("schema-" + file.getFileName() + "." + format)));
                commands.add("validate --schema " + file.getFileName() + " --format " + format);
                runs.add(CliRun.fast(System.getenv(), "validate", "--schema", schema.toString(), file.toString(), "--format", format));
                commands.add("validate --schema (fast path) " + file.getFileName() + " --format " + format);
            }
        }

        assertThat(runs).hasSize(62 + 28);
        for (int i = 0; i < runs.size(); i++) {
            assertThat(runs.get(i).exitCode()).as(commands.get(i) + ": " + runs.get(i).err()).isIn(0, 1);
            assertNoSecretIn(i);
        }
        for (Path file : reports) {
            String text = Files.readString(file);
            assertThat(text).as(file.toString()).isNotEmpty();
            for (String secret : FORBIDDEN) {
                assertThat(text).as(file.toString()).doesNotContain(secret);
            }
        }
        String diff = runs.get(4).out();
        assertThat(diff).contains("~ db.conn: postgres://admin:******@db.internal/app -> postgres://admin:******@db.internal/app")
                .contains("~ db.b64: ****** -> ******").contains("redis://:******@cache.internal");
        assertThat(runs.get(7).out()).contains("rotate the password").contains("db.b64");
        assertThat(runs.get(1).out()).contains("redis://:******@cache.internal");
        assertThat(String.join("", runs.stream().map(CliRun::out).toList())).contains("maxLength").contains("cache.url");
        assertThat(runs.get(runs.size() - 1).exitCode()).isEqualTo(1);
        assertThat(runs.get(runs.size() - 1).out()).contains("redis://:******@cache.internal");
    }

    @Test
    void rollingBackToTheOldRevisionPrintsNeitherRevisionsSecrets() throws Exception {
        run("rollback", "--scope", "global", "--name", "production", "--to-version", "HEAD~1", "--force");
        run("diff", "--scope", "global", "--name", "production", "--version", "HEAD", "--format", "json");
        run("history", "--scope", "global", "--name", "production", "--format", "yaml");

        assertThat(Files.readString(config.resolve("global/base.yaml"))).contains(OLD);
        for (int i = 0; i < runs.size(); i++) {
            assertThat(runs.get(i).exitCode()).as(commands.get(i) + ": " + runs.get(i).err()).isZero();
            assertNoSecretIn(i);
        }
    }

    private String git(String... args) throws Exception {
        return TestGit.git(repo, args);
    }
}
