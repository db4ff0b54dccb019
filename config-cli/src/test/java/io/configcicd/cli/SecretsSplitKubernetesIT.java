package io.configcicd.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.security.crypto.SecretKeyMaterial;
import io.configcicd.store.redis.RedisServerExtension;
import io.configcicd.store.kubernetes.KubernetesTargets;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.EnableKubernetesMockClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.junit.jupiter.api.io.TempDir;

/**
 * A {@code kubernetes-configmap} target with {@code layout: keys} and {@code secrets: resolve}, deployed through the
 * CLI on fabric8's CRUD mock: the deploy tells the store which entries are secrets, the resolved secret goes to the
 * Secret of the same name, the ConfigMap keeps the other entries and never the resolved value.
 */
@EnableKubernetesMockClient(crud = true, https = false)
class SecretsSplitKubernetesIT {

    static KubernetesMockServer server;
    static KubernetesClient client;

    @RegisterExtension
    static final RedisServerExtension REDIS = new RedisServerExtension();

    private static final String FROM_ENV = "sk-openai-Env-Secret-4409";
    private static final String SECRET_ENTRY = "models.model_providers.openai.api_key";

    @TempDir
    Path tmp;

    @Test
    void theResolvedSecretGoesToTheSecretTheConfigMapKeepsTheRestAndNoOutputShowsIt() {
        MixedTargets targets = MixedTargets.copy(tmp, REDIS, "config:split", server, client, List.of("cm"),
                "secrets: resolve", "layout: keys");
        Map<String, String> env = Map.of("CONFIG_CICD_KEY", SecretKeyMaterial.generate().toBase64(),
                "OPENAI_API_KEY", FROM_ENV, "ANTHROPIC_API_KEY", "sk-ant-unused", "CONFIG_CICD_USER", "ci");
        String dir = targets.examples.config().toString();
        dropQuotedLoggerKey(targets.examples.config());

        CliRun first = CliRun.run(env, "--config-dir", dir, "deploy", "--environment", "development");
        targets.examples.editDevelopment("num_next_steps_decision: 3", "num_next_steps_decision: 4");
        CliRun second = CliRun.run(env, "--config-dir", dir, "deploy", "--environment", "development");
        CliRun drift = CliRun.run(env, "--config-dir", dir, "drift", "--environment", "development");

        assertThat(first.exitCode()).as(first.out() + first.err()).isZero();
        assertThat(second.exitCode()).as(second.out() + second.err()).isZero();
        assertThat(drift.exitCode()).as(drift.out() + drift.err()).isZero();
        Map<String, String> configMap = targets.configMap().orElseThrow().getData();
        Map<String, String> secret = decoded(client.secrets().inNamespace(KubernetesTargets.NAMESPACE)
                .withName(MixedTargets.CONFIGMAP).get());
        assertThat(configMap).doesNotContainKey(SECRET_ENTRY).containsEntry("kgot.num_next_steps_decision", "4");
        assertThat(configMap.values()).noneMatch(v -> v.contains(FROM_ENV));
        assertThat(secret).containsEntry(SECRET_ENTRY, FROM_ENV).doesNotContainKey("kgot.num_next_steps_decision");
        assertThat(targets.configMap().orElseThrow().getMetadata().getAnnotations())
                .containsKey("config-cicd.io/sha256");
        for (CliRun r : List.of(first, second, drift)) {
            assertThat(r.out() + r.err()).doesNotContain(FROM_ENV);
        }
        targets.close();
    }

    /** The examples' logger "alita.tools.code_runner" has dots in its key: no valid ConfigMap key in layout: keys. */
    private static void dropQuotedLoggerKey(Path config) {
        Path logging = config.resolve("global/logging.toml");
        try {
            Files.writeString(logging, Files.readString(logging).replace("\"alita.tools.code_runner\" = \"WARN\"\n", ""));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Map<String, String> decoded(Secret s) {
        Map<String, String> out = new TreeMap<>();
        s.getData().forEach((k, v) -> out.put(k, new String(Base64.getDecoder().decode(v), StandardCharsets.UTF_8)));
        return out;
    }
}
