package io.configcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.security.crypto.SecretKeyMaterial;
import io.configcicd.store.redis.RedisReadBack;
import io.configcicd.store.redis.RedisServerExtension;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * {@link SecretsNeverPrintedTest}'s promise for deploy, drift, dry runs and test-stores to a real redis-server, in
 * text and json, for {@code secrets: reference} and {@code secrets: resolve}: a secret from the environment
 * ({@code ${OPENAI_API_KEY}}) and one encrypted in git ({@code ENC[...]}) never appear in any output, journal entry
 * or audit line; with {@code resolve} their values reach redis, with {@code reference} the references do.
 */
class SecretsNeverPrintedRedisIT {

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final String FROM_ENV = "sk-openai-Env-Secret-7311";
    private static final String ENCRYPTED = "enc-Neo4j-Secret-5520";

    @TempDir
    Path tmp;

    @ParameterizedTest
    @ValueSource(strings = {"reference", "resolve"})
    void noDeployDriftDryRunOrTestStoresOutputNorAnyJournalOrAuditLineShowsASecret(String mode) throws Exception {
        String key = "config:secrets:" + mode;
        RedisExamples examples = RedisExamples.copy(tmp, REDIS, key, List.of("cache", "local"), "secrets: " + mode);
        Map<String, String> env = Map.of("CONFIG_CICD_KEY", SecretKeyMaterial.generate().toBase64(),
                "OPENAI_API_KEY", FROM_ENV, "ANTHROPIC_API_KEY", "sk-ant-unused", "CONFIG_CICD_USER", "ci");
        CliRun encrypt = CliRun.run(env, "--config-dir", examples.config().toString(), "encrypt", "--value", ENCRYPTED);
        String enc = encrypt.out().trim();
        assertThat(enc).as(encrypt.err()).startsWith("ENC[");
        examples.editDevelopment("\"${NEO4J_PASSWORD:-neo4j-dev}\"", enc);

        List<CliRun> runs = new ArrayList<>();
        for (String format : List.of("text", "json")) {
            runs.add(run(env, examples, format, "deploy", "--environment", "development", "--dry-run"));
            runs.add(run(env, examples, format, "deploy", "--environment", "development"));
            runs.add(run(env, examples, format, "drift", "--environment", "development"));
            runs.add(run(env, examples, format, "test-stores", "--environment", "development"));
        }
        examples.editDevelopment("num_next_steps_decision: 3", "num_next_steps_decision: 4");
        runs.add(run(env, examples, "text", "deploy", "--environment", "development", "--progress",
                "--deployment-id", "s2"));
        // monitor of s2 with a probe that prints a secret and fails: its rounds, answers, report and the rollback it
        // runs (applied with reference, refused with resolve: the journal withholds resolved values)
        Path settings = examples.config().resolve("config-cicd.yaml");
        String text = Files.readString(settings);
        String leaky = text.replaceFirst("(?m)^monitor:\n(  .*\n)+", java.util.regex.Matcher.quoteReplacement(
                "monitor:\n  interval: 100ms\n  failures: 2\n"
                + "  probes:\n    - {name: leak, command: \"echo key $OPENAI_API_KEY; exit 1\"}\n"));
        assertThat(leaky).isNotEqualTo(text);
        Files.writeString(settings, leaky);
        List<CliRun> monitors = List.of(
                run(env, examples, "text", "monitor", "--environment", "development", "--deployment-id", "s2",
                        "--duration", "10", "--progress"),
                run(env, examples, "json", "monitor", "--environment", "development", "--deployment-id", "s2",
                        "--duration", "10"));
        assertThat(monitors.get(0).err()).contains("probe leak FAILED (exit 1: key ******");
        for (CliRun r : monitors) {
            assertThat(r.out() + r.err()).doesNotContain(FROM_ENV, ENCRYPTED);
        }
        try (RedisReadBack redis = RedisReadBack.connect(REDIS)) {
            redis.hset(key, "kgot.reasoning_depth", "9");
            runs.add(run(env, examples, "json", "drift", "--environment", "development"));
            runs.add(run(env, examples, "text", "deploy", "--environment", "development", "--dry-run"));
            runs.add(run(env, examples, "json", "deploy", "--environment", "development", "--force"));

            assertThat(RedisExamples.read(examples.deployedFile())).as("the file target keeps secrets: reference")
                    .contains("${OPENAI_API_KEY}", enc).doesNotContain(FROM_ENV, ENCRYPTED);
            Map<String, String> hash = redis.hash(key);
            if ("resolve".equals(mode)) {
                assertThat(hash).containsEntry("models.model_providers.openai.api_key", FROM_ENV)
                        .containsEntry("database.graph_store.password", ENCRYPTED);
            } else {
                assertThat(hash).containsEntry("models.model_providers.openai.api_key", "${OPENAI_API_KEY}")
                        .containsEntry("database.graph_store.password", enc);
            }
        }
        // store rollback of s2 (the target moved on since: --force), in text and json; with secrets: resolve its
        // previous content is withheld from the journal and cannot be rebuilt outside git: the refusal is output too
        List<CliRun> rollbacks = List.of(
                run(env, examples, "text", "rollback", "--environment", "development", "--deployment-id", "s2", "--force",
                        "--progress"),
                run(env, examples, "json", "rollback", "--environment", "development", "--deployment-id", "s2", "--force"));
        for (CliRun r : rollbacks) {
            assertThat(r.out() + r.err()).doesNotContain(FROM_ENV, ENCRYPTED);
        }
        assertThat(runs.stream().filter(r -> r.exitCode() == 0)).hasSizeGreaterThanOrEqualTo(runs.size() - 2);
        for (CliRun r : runs) {
            assertThat(r.out() + r.err()).doesNotContain(FROM_ENV, ENCRYPTED);
        }
        List<Path> logs = journalAndAudit(examples);
        assertThat(logs).hasSizeGreaterThanOrEqualTo(4);
        for (Path log : logs) {
            assertThat(Files.readString(log)).as(log.toString()).doesNotContain(FROM_ENV, ENCRYPTED);
        }
    }

    private static CliRun run(Map<String, String> env, RedisExamples examples, String format, String... args) {
        List<String> all = new ArrayList<>(List.of("--config-dir", examples.config().toString(), "--format", format));
        all.addAll(List.of(args));
        CliRun run = CliRun.run(env, all.toArray(String[]::new));
        assertThat(run.exitCode()).as(String.join(" ", all) + "\n" + run.out() + run.err()).isIn(0, 1);
        return run;
    }

    /** Every journal entry and the audit log. */
    private static List<Path> journalAndAudit(RedisExamples examples) throws Exception {
        List<Path> out = new ArrayList<>();
        try (Stream<Path> journal = Files.list(examples.config().resolve(".config-cicd/deployments"))) {
            journal.forEach(out::add);
        }
        out.add(examples.auditLog());
        return out;
    }
}
