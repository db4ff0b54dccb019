package io.configcicd.cli;

import io.configcicd.store.appconfig.AppConfigDouble;
import io.configcicd.store.consul.ConsulDouble;
import io.configcicd.store.kubernetes.KubernetesTargets;
import io.configcicd.store.redis.RedisReadBack;
import io.configcicd.store.redis.RedisServerExtension;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.client.KubernetesClient;
import io.fabric8.kubernetes.client.server.mock.KubernetesMockServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicReference;

/**
 * A copy of the examples whose {@code development} environment deploys to targets of several stores: {@code local}
 * (file), {@code kv} (consul, on a {@link ConsulDouble}), {@code cm} (kubernetes-configmap, on fabric8's CRUD mock
 * through a kubeconfig file), {@code appcfg} (aws-appconfig, on an {@link AppConfigDouble}) and {@code cache} (redis,
 * a real server), in the order a test gives; and the read-back of what each target holds, content and record.
 */
final class MixedTargets implements AutoCloseable {

    static final String APPLICATION = "kgot";
    static final String CONSUL_PREFIX = "config/development/";
    static final String CONSUL_RECORD = "config-cicd/deployments/development";
    static final String CONFIGMAP = "config-development";

    static {
        // the AWS SDK's default chain reads these system properties first; the double ignores the signature
        System.setProperty("aws.accessKeyId", "AKIDTEST");
        System.setProperty("aws.secretAccessKey", "test-secret-key");
    }

    final RedisExamples examples;
    final ConsulDouble consul;
    final AppConfigDouble appconfig;
    private final KubernetesClient kubernetes;
    private final RedisServerExtension redis;

    private MixedTargets(RedisExamples examples, ConsulDouble consul, AppConfigDouble appconfig,
                         KubernetesClient kubernetes, RedisServerExtension redis) {
        this.examples = examples;
        this.consul = consul;
        this.appconfig = appconfig;
        this.kubernetes = kubernetes;
        this.redis = redis;
    }

    /**
     * @param targets the development environment's targets in deploy order, e.g. {@code "local", "kv", "cm", "cache"}
     * @param options more lines of every target but the file ({@code "secrets: resolve"}); none for the defaults
     */
    static MixedTargets copy(Path tmp, RedisServerExtension redis, String key, KubernetesMockServer server,
                             KubernetesClient admin, List<String> targets, String... options) {
        KubernetesTargets.prepare(server, admin, true);
        ConsulDouble consul = new ConsulDouble();
        AppConfigDouble appconfig;
        try {
            appconfig = new AppConfigDouble(new TickingClock(Instant.parse("2026-01-02T03:04:05Z"),
                    Duration.ofSeconds(30)));
        } catch (IOException e) {
            consul.close();
            throw new UncheckedIOException(e);
        }
        RedisExamples examples = RedisExamples.copy(tmp, redis, key, targets, options);
        Path kubeconfig = tmp.resolve("kubeconfig.yaml");
        write(kubeconfig, kubeconfig(server.url("/").replaceAll("/$", "")));
        String more = "    " + String.join("\n    ", options) + "\n";
        examples.editSettings("targets:\n", "targets:\n"
                + "  kv:\n    type: consul\n    url: " + consul.url() + "\n" + (options.length > 0 ? more : "")
                + "  cm:\n    type: kubernetes-configmap\n    kubeconfig: " + kubeconfig + "\n    namespace: "
                + KubernetesTargets.NAMESPACE + "\n" + (options.length > 0 ? more : "")
                + "  appcfg:\n    type: aws-appconfig\n    region: us-east-1\n    endpoint: " + appconfig.endpoint()
                + "\n    application: " + APPLICATION + "\n    create: true\n    poll_interval: 10ms\n");
        return new MixedTargets(examples, consul, appconfig, admin, redis);
    }

    /** Everything each target holds (content and deployed record), by target name; absent parts are empty. */
    SortedMap<String, String> everything() {
        SortedMap<String, String> out = new TreeMap<>();
        out.put("local", examples.fileTarget());
        out.put("kv", consul.under(CONSUL_PREFIX) + " record=" + consul.get(CONSUL_RECORD).orElse(""));
        out.put("cm", configMap().map(cm -> cm.getData() + " " + cm.getMetadata().getAnnotations()
                + " " + cm.getMetadata().getLabels()).orElse(""));
        out.put("appcfg", appconfig.served(APPLICATION, RedisExamples.ENVIRONMENT).orElse(""));
        try (RedisReadBack r = RedisReadBack.connect(redis)) {
            out.put("cache", r.hash(examples.key()) + " record=" + r.hash(examples.metaKey()));
        }
        return out;
    }

    Optional<ConfigMap> configMap() {
        return Optional.ofNullable(kubernetes.configMaps().inNamespace(KubernetesTargets.NAMESPACE)
                .withName(CONFIGMAP).get());
    }

    /** Another writer changes one data key of the ConfigMap (its resourceVersion moves on). */
    void otherWriterEditsConfigMap(String dataKey, String value) {
        kubernetes.configMaps().inNamespace(KubernetesTargets.NAMESPACE).withName(CONFIGMAP)
                .edit(cm -> {
                    cm.getData().put(dataKey, value);
                    return cm;
                });
    }

    @Override
    public void close() {
        consul.close();
        appconfig.close();
        kubernetes.configMaps().inNamespace(KubernetesTargets.NAMESPACE).withName(CONFIGMAP).delete();
    }

    private static String kubeconfig(String url) {
        return "apiVersion: v1\nkind: Config\nclusters:\n- name: mock\n  cluster:\n    server: " + url + "\n"
                + "contexts:\n- name: mock\n  context:\n    cluster: mock\n    user: mock\n    namespace: "
                + KubernetesTargets.NAMESPACE + "\ncurrent-context: mock\nusers:\n- name: mock\n  user:\n"
                + "    token: mock-token\n";
    }

    private static void write(Path file, String text) {
        try {
            Files.writeString(file, text);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * The AppConfig double's clock: every reading moves it on by a step, so that a deployment passes VALIDATING,
     * BAKING and COMPLETE in a few polls of real milliseconds while the CLI's own clock is the system's.
     */
    static final class TickingClock extends Clock {

        private final AtomicReference<Instant> now;
        private final Duration step;

        TickingClock(Instant start, Duration step) {
            this.now = new AtomicReference<>(start);
            this.step = step;
        }

        @Override
        public ZoneId getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.getAndUpdate(i -> i.plus(step));
        }
    }

    static Map<String, String> statuses(RedisExamples examples, String id) throws IOException {
        tools.jackson.databind.JsonNode journal = tools.jackson.databind.json.JsonMapper.shared()
                .readTree(RedisExamples.read(examples.journal(id)));
        Map<String, String> out = new java.util.LinkedHashMap<>();
        out.put("status", journal.path("status").asString());
        for (tools.jackson.databind.JsonNode t : journal.path("targets")) {
            out.put(t.path("name").asString(), t.path("status").asString());
        }
        return out;
    }
}
