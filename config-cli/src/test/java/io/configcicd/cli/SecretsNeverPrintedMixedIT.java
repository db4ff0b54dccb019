package io.configcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.security.crypto.SecretKeyMaterial;
import io.configcicd.store.redis.RedisReadBack;
import io.configcicd.store.redis.RedisServerExtension;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
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
 * {@link SecretsNeverPrintedRedisIT}'s promise with targets of every store in one environment: redis, consul (double),
 * a Kubernetes ConfigMap (CRUD mock; with {@code resolve} the values go to a Secret of the same name), AWS AppConfig
 * (double, {@code reference}) and the file target. A secret from the environment and one encrypted in git never
 * appear in the output of deploy, drift, dry runs or test-stores, in text and json, nor in the journal or audit log.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class SecretsNeverPrintedMixedIT {

    static KubernetesMockServer server;
    static KubernetesClient client;

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
        MixedTargets targets = MixedTargets.copy(tmp, REDIS, key, server, client,
                List.of("cache", "kv", "cm", "appcfg", "local"), "secrets: " + mode);
        RedisExamples examples = targets.examples;
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
        runs.add(run(env, examples, "text", "deploy", "--environment", "development", "--progress"));
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
        assertThat(targets.consul.get(MixedTargets.CONSUL_PREFIX + "models/model_providers/openai/api_key"))
                .contains("resolve".equals(mode) ? FROM_ENV : "${OPENAI_API_KEY}");
        assertThat(targets.appconfig.served(MixedTargets.APPLICATION, "development").orElseThrow())
                .as("AppConfig keeps secrets: reference").contains("${OPENAI_API_KEY}").doesNotContain(FROM_ENV);
        targets.close();
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
