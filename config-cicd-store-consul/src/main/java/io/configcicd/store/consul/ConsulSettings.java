package io.configcicd.store.consul;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.store.TargetSpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A consul target's options, checked once when the store is opened (bad input, exit 2, naming the option):
 * {@code url} (http or https; https verifies certificates, against {@code ca_file} when given), {@code prefix},
 * {@code token} (sent as the {@code X-Consul-Token} header, never in a URL), {@code datacenter}, {@code max_txn_ops}
 * (64 for Consul up to 1.13, 128 from 1.14), {@code max_txn_bytes} (Consul's {@code txn_max_req_len}, 512 KiB),
 * {@code record_key} and {@code timeout}. {@link #toString()} never shows the token.
 */
record ConsulSettings(String target, URI url, String prefix, String recordKey, Optional<String> token,
                      Optional<Path> caFile, Optional<String> datacenter, int maxTxnOps, int maxTxnBytes,
                      Duration timeout) {

    static final String URL = "url";
    static final String PREFIX = "prefix";
    static final String TOKEN = "token";
    static final String CA_FILE = "ca_file";
    static final String DATACENTER = "datacenter";
    static final String MAX_TXN_OPS = "max_txn_ops";
    static final String MAX_TXN_BYTES = "max_txn_bytes";
    static final String RECORD_KEY = "record_key";
    static final String TIMEOUT = "timeout";

    static final String DEFAULT_URL = "http://127.0.0.1:8500";
    static final String DEFAULT_PREFIX = "config/{environment}/";
    static final String DEFAULT_RECORD_KEY = "config-cicd/deployments/{environment}";
    /** Consul's {@code max_txn_ops} up to 1.13 (128 from 1.14). */
    static final int DEFAULT_MAX_TXN_OPS = 64;
    /** Consul's {@code limits.txn_max_req_len}: the largest /v1/txn request body. */
    static final int DEFAULT_MAX_TXN_BYTES = 512 * 1024;
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(10);


    ConsulSettings {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(url, "url");
        Objects.requireNonNull(prefix, "prefix");
        Objects.requireNonNull(recordKey, "recordKey");
        Objects.requireNonNull(token, "token");
        Objects.requireNonNull(caFile, "caFile");
        Objects.requireNonNull(datacenter, "datacenter");
        Objects.requireNonNull(timeout, "timeout");
    }

    static ConsulSettings of(TargetSpec spec, Path baseDirectory) {
        String name = spec.name();
        URI url = url(name, spec.option(URL).orElse(DEFAULT_URL));
        String prefix = spec.option(PREFIX).orElse(DEFAULT_PREFIX.replace("{environment}", spec.environment()));
        if (prefix.startsWith("/")) {
            throw bad(name, "prefix must not start with '/' (Consul keys never do)", "write prefix: config/"
                    + spec.environment() + "/");
        }
        if (!prefix.isEmpty() && !prefix.endsWith("/")) {
            prefix = prefix + "/";
        }
        String recordKey = spec.option(RECORD_KEY)
                .orElse(DEFAULT_RECORD_KEY.replace("{environment}", spec.environment()));
        if (recordKey.isEmpty() || recordKey.startsWith("/") || (!prefix.isEmpty() && recordKey.startsWith(prefix))) {
            throw bad(name, "record_key must be a key outside the prefix", "leave it out: the default is "
                    + DEFAULT_RECORD_KEY);
        }
        return new ConsulSettings(name, url, prefix, recordKey, spec.option(TOKEN).filter(t -> !t.isBlank()),
                spec.option(CA_FILE).filter(f -> !f.isBlank()).map(f -> baseDirectory.resolve(f)),
                spec.option(DATACENTER).filter(d -> !d.isBlank()),
                spec.number(MAX_TXN_OPS, DEFAULT_MAX_TXN_OPS, 2),
                spec.number(MAX_TXN_BYTES, DEFAULT_MAX_TXN_BYTES, 1024), spec.duration(TIMEOUT, DEFAULT_TIMEOUT));
    }

    boolean https() {
        return "https".equals(url.getScheme());
    }

    /** The address for messages: scheme, host and port (a Consul URL carries no secret, but no user-info either). */
    String maskedUrl() {
        return url.getScheme() + "://" + url.getHost() + (url.getPort() < 0 ? "" : ":" + url.getPort());
    }

    /** Content operations per transaction: one place is kept for the check (or write) of the deployed record. */
    int contentOpsPerTxn() {
        return maxTxnOps - 1;
    }

    @Override
    public String toString() {
        return "ConsulSettings[" + target + ", " + maskedUrl() + ", prefix " + prefix + ", record " + recordKey
                + (token.isPresent() ? ", token ******" : "") + datacenter.map(d -> ", dc " + d).orElse("")
                + ", max_txn_ops " + maxTxnOps + "]";
    }

    private static URI url(String name, String text) {
        URI uri;
        try {
            uri = new URI(text.trim());
        } catch (URISyntaxException e) {
            throw bad(name, "url is not a URL", "write url: http://127.0.0.1:8500 or https://consul.internal:8501");
        }
        if (!"http".equals(uri.getScheme()) && !"https".equals(uri.getScheme())) {
            throw bad(name, "url must start with http:// or https://", "write url: https://consul.internal:8501");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw bad(name, "url names no host", "write url: http://127.0.0.1:8500");
        }
        if (uri.getUserInfo() != null) {
            throw bad(name, "url must not carry user-info", "give the ACL token as token: ${CONSUL_TOKEN}");
        }
        return uri;
    }

    static ConfigCicdException bad(String target, String problem, String hint) {
        return ConfigCicdException.badInput("target " + target + ": " + problem, hint);
    }
}
