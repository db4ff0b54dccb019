package io.configcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A literal secret in the configuration never appears in any output of any command of this release. */
class SecretsNeverPrintedTest {

    private static final String SECRET = "s3cr3t-Value-4242";

    @TempDir
    Path tmp;

    private Path config;
    private final List<CliRun> runs = new ArrayList<>();

    @BeforeEach
    void seedSecrets() throws Exception {
        config = CliRun.copyOfExamples(tmp);
        Files.writeString(config.resolve("environments/staging-secrets.yaml"),
                "# a literal secret, as a careless commit would add it\n"
                        + "database:\n  graph_store:\n    password: " + SECRET + "\n"
                        + "auth:\n  access_token: \"" + SECRET + "\"\n  clientSecret: " + SECRET + "\n");
    }

    private void run(String... args) {
        runs.add(CliRun.in(config, args));
    }

    @Test
    void noCommandPrintsALiteralSecret() throws Exception {
        for (String format : new String[] {"text", "json", "yaml"}) {
            run("get", "--scope", "global", "--name", "staging-secrets", "--path", "", "--format", format);
            run("get", "--scope", "global", "--name", "staging-secrets", "--path", "database", "--format", format);
            run("get", "--scope", "environment", "--name", "staging-secrets", "--path", "auth", "--format", format);
            run("explain", "--environment", "staging-secrets", "--path", "database.graph_store.password", "--format", format);
            run("explain", "--environment", "staging-secrets", "--path", "auth", "--format", format);
            run("list", "--scope", "global", "--format", format);
        }
        run("set", "--scope", "global", "--name", "staging-secrets", "--path", "auth.access_token", "--value", "other-" + SECRET);
        run("set", "--scope", "global", "--name", "staging-secrets", "--path", "kgot.reasoning_depth", "--value", "9", "--format", "json");
        run("get", "--scope", "global", "--name", "staging-secrets", "--path", "auth.nothing");
        List<Path> reports = new ArrayList<>();
        for (String format : new String[] {"text", "json", "junit", "sarif", "gitlab", "github", "markdown"}) {
            Path report = tmp.resolve("report." + format);
            reports.add(report);
            run("validate", "--all-environments", "--verbose", "--format", format, "--report", format + "=" + report);
        }
        Files.writeString(config.resolve("config-cicd.yaml"), Files.readString(config.resolve("config-cicd.yaml"))
                + "  - {rule: security.plaintext-secret, path: auth.clientSecret, reason: test, expires: 2999-01-01}\n");
        run("validate", "--name", "staging-secrets", "--verbose");
        run("validate", "--name", "staging-secrets", "--fix", "--verbose", "--progress");
        Files.writeString(config.resolve("environments/broken.yaml"), "password: " + SECRET + "\n  bad: [\n");
        run("get", "--scope", "global", "--name", "broken", "--path", "password");

        assertThat(runs).hasSizeGreaterThan(20);
        assertThat(runs.stream().filter(r -> r.exitCode() == 0)).hasSizeGreaterThan(18);
        for (CliRun r : runs) {
            assertThat(r.out() + r.err()).doesNotContain(SECRET);
        }
        for (Path report : reports) {
            assertThat(Files.readString(report)).contains("security.plaintext-secret").doesNotContain(SECRET);
        }
        assertThat(runs.get(0).out()).contains("******");
    }

    @Test
    void secretsKnownOnlyFromTheEnvironmentOrTheKeyAreMaskedInEveryForm() throws Exception {
        String fromEnv = "env-Secret-9931";
        io.configcicd.core.security.crypto.SecretKeyMaterial key = io.configcicd.core.security.crypto.SecretKeyMaterial.generate();
        String encrypted = new io.configcicd.core.security.crypto.SecretCipher(
                io.configcicd.core.security.crypto.KeyRing.of(key)).encrypt("enc-Secret-4417");
        Files.writeString(config.resolve("environments/leaky.yaml"), "database:\n  graph_store:\n    password: \"${LEAKY_DB_PASSWORD}\"\n"
                + "api:\n  token: \"" + encrypted + "\"\n"
                + "notes:\n  pasted: \"connect with env-Secret-9931 or enc-Secret-4417\"\n"
                + "  encoded: \"" + java.util.Base64.getEncoder().encodeToString("user:enc-Secret-4417".getBytes()) + "\"\n");
        java.util.Map<String, String> env = java.util.Map.of("LEAKY_DB_PASSWORD", fromEnv, "CONFIG_CICD_KEY", key.toBase64());

        List<CliRun> leaky = new ArrayList<>();
        for (String format : new String[] {"text", "json", "yaml"}) {
            leaky.add(CliRun.run(env, "--config-dir", config.toString(), "get", "--scope", "global", "--name", "leaky",
                    "--path", "notes", "--format", format));
            leaky.add(CliRun.run(env, "--config-dir", config.toString(), "explain", "--environment", "leaky",
                    "--path", "notes.pasted", "--format", format));
        }
        leaky.add(CliRun.run(env, "--config-dir", config.toString(), "validate", "--name", "leaky", "--format", "json"));

        assertThat(leaky.get(0).exitCode()).as(leaky.get(0).err()).isZero();
        assertThat(leaky.get(0).out()).contains("connect with ****** or ******");
        for (CliRun r : leaky) {
            assertThat(r.out() + r.err()).doesNotContain(fromEnv).doesNotContain("enc-Secret-4417")
                    .doesNotContain(key.toBase64()).doesNotContain(java.util.Base64.getEncoder().encodeToString("user:enc-Secret-4417".getBytes()));
        }
        CliRun revealed = CliRun.run(env, "--config-dir", config.toString(), "get", "--scope", "global", "--name", "leaky",
                "--path", "database.graph_store.password", "--reveal");
        assertThat(revealed.out()).contains(fromEnv);
    }

    @Test
    void historyDiffBackupRollbackAuditAndRekeyNeverPrintALiteralSecret() throws Exception {
        Path repo = config.getParent();
        git(repo, "init", "-q", "-b", "main");
        git(repo, "add", "-A");
        git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "with secrets");
        run("set", "--scope", "global", "--name", "staging-secrets", "--path", "auth.access_token", "--value",
                "rotated-" + SECRET, "--no-validate");
        git(repo, "add", "-A");
        git(repo, "-c", "user.name=t", "-c", "user.email=t@example.com", "commit", "-q", "-m", "rotate the token");
        io.configcicd.core.security.crypto.SecretKeyMaterial key = io.configcicd.core.security.crypto.SecretKeyMaterial.generate();
        Path keyFile = tmp.resolve("new.key");
        Files.writeString(keyFile, io.configcicd.core.security.crypto.SecretKeyMaterial.generate().toBase64());
        java.util.Map<String, String> env = java.util.Map.of("CONFIG_CICD_KEY", key.toBase64());
        String enc = new io.configcicd.core.security.crypto.SecretCipher(io.configcicd.core.security.crypto.KeyRing.of(key))
                .encrypt(SECRET);
        Path secrets = config.resolve("environments/staging-secrets.yaml");
        Files.writeString(secrets, Files.readString(secrets) + "vault:\n  api_key: " + enc + "\n");

        for (String format : new String[] {"text", "json", "yaml"}) {
            run("history", "--scope", "global", "--name", "staging-secrets", "--format", format);
            run("history", "--scope", "environment", "--name", "staging-secrets", "--format", format);
            run("diff", "--scope", "global", "--name", "staging-secrets", "--version", "HEAD~1", "--format", format);
            run("diff", "--scope", "global", "--name", "staging", "--compare", "staging-secrets", "--format", format);
            run("backup", "--scope", "global", "--name", "staging-secrets", "--list", "--format", format);
            run("audit", "verify", "--format", format);
        }
        List<Path> assessments = new ArrayList<>();
        for (String format : new String[] {"text", "json", "markdown", "junit", "sarif", "gitlab", "github"}) {
            Path report = tmp.resolve("assess." + format);
            assessments.add(report);
            run("assess", "--environment", "staging-secrets", "--format", format, "--report", format + "=" + report);
            run("assess", "--all-environments", "--base", "HEAD~1", "--format", format);
        }
        run("backup", "--scope", "global", "--name", "staging-secrets");
        run("rollback", "--scope", "global", "--name", "staging-secrets", "--force");
        runs.add(CliRun.run(env, "--config-dir", config.toString(), "rekey", "--new-key-file", keyFile.toString(), "--progress"));
        runs.add(CliRun.run(env, "--config-dir", config.toString(), "get", "--scope", "global", "--name",
                "staging-secrets", "--path", "vault"));

        assertThat(runs.stream().filter(r -> r.exitCode() == 0)).hasSizeGreaterThan(32);
        for (CliRun r : runs) {
            assertThat(r.out() + r.err()).doesNotContain(SECRET);
        }
        assertThat(Files.readString(config.resolve(".config-cicd/audit/audit.jsonl"))).doesNotContain(SECRET);
        for (Path report : assessments) {
            assertThat(Files.readString(report)).contains("auth.access_token").doesNotContain(SECRET);
        }
        assertThat(String.join("\n", runs.stream().map(CliRun::out).toList())).contains("secret rotated");
    }

    @Test
    void keysWithDigitsAreSecretsAndAMultiLineSecretIsMaskedLineByLineInEveryFormat() throws Exception {
        String pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n"
                + "VJTUt9Us8cKjMzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT\n-----END PRIVATE KEY-----\n";
        String indented = pem.indent(4);
        Files.writeString(config.resolve("environments/pem.yaml"), "tls:\n  private_key: |\n" + indented
                + "notes:\n  pasted_key: |\n" + indented + "db:\n  password2: numbered-Secret-7\n  token1: numbered-Token-8\n");

        List<CliRun> pemRuns = new ArrayList<>();
        for (String format : new String[] {"text", "json", "yaml"}) {
            pemRuns.add(CliRun.in(config, "get", "--scope", "global", "--name", "pem", "--format", format));
            pemRuns.add(CliRun.in(config, "get", "--scope", "global", "--name", "pem", "--path", "notes.pasted_key",
                    "--format", format));
            pemRuns.add(CliRun.in(config, "explain", "--environment", "pem", "--path", "notes.pasted_key",
                    "--format", format));
        }
        CliRun validate = CliRun.in(config, "validate", "--name", "pem", "--format", "json");

        for (CliRun r : pemRuns) {
            assertThat(r.exitCode()).as(r.err()).isZero();
            assertThat(r.out() + r.err()).doesNotContain("MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7")
                    .doesNotContain("VJTUt9Us8cKjMzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT")
                    .doesNotContain("numbered-Secret-7").doesNotContain("numbered-Token-8");
        }
        assertThat(validate.out()).contains("db.password2").contains("db.token1").doesNotContain("numbered-");
    }

    private static void git(Path dir, String... args) throws Exception {
        List<String> command = new ArrayList<>(List.of("git"));
        command.addAll(List.of(args));
        Process p = new ProcessBuilder(command).directory(dir.toFile()).redirectErrorStream(true).start();
        String out = new String(p.getInputStream().readAllBytes(), java.nio.charset.StandardCharsets.UTF_8);
        assertThat(p.waitFor()).as(out).isZero();
    }
}
