package io.configcicd.store.redis;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.store.TargetSpec;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Duration;
import java.util.Objects;
import java.util.Optional;

/**
 * A redis target's options, parsed once when the store is opened: where the server is ({@code url}
 * {@code redis://host:port/db} or {@code rediss://} for TLS), the credentials ({@code username} and {@code password}
 * options win over the URL's user-info), the timeout, whether TLS certificates are verified (always, unless
 * {@code insecure_skip_tls_verify: true}), the hash or string {@code key} and the {@code channel} change notices go
 * to ({@code <key>:changes} unless set). Bad options are bad input (exit 2) naming the option, never its value.
 * {@link #toString()} and {@link #maskedUrl()} never show a password.
 */
record RedisSettings(String target, String host, int port, int database, boolean tls, boolean verifyTls,
                     Optional<String> username, Optional<String> password, Duration timeout, String key,
                     String channel) {

    static final String URL = "url";
    static final String KEY = "key";
    static final String CHANNEL = "channel";
    static final String USERNAME = "username";
    static final String PASSWORD = "password";
    static final String TIMEOUT = "timeout";
    static final String INSECURE_SKIP_TLS_VERIFY = "insecure_skip_tls_verify";
    static final String DEFAULT_KEY = "config:{environment}";
    static final Duration DEFAULT_TIMEOUT = Duration.ofSeconds(5);
    static final int DEFAULT_PORT = 6379;


    RedisSettings {
        Objects.requireNonNull(target, "target");
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(password, "password");
        Objects.requireNonNull(timeout, "timeout");
        Objects.requireNonNull(key, "key");
        Objects.requireNonNull(channel, "channel");
    }

    /** The settings of a target whose {@code ${VAR}} references the engine has already resolved. */
    static RedisSettings of(TargetSpec spec) {
        String name = spec.name();
        String url = spec.option(URL).filter(u -> !u.isBlank()).orElseThrow(() -> bad(name,
                "a redis target needs url", "add url: redis://host:6379/0 (or rediss:// for TLS), e.g. url: ${REDIS_URL}"));
        URI uri = uri(name, url);
        boolean tls = "rediss".equals(uri.getScheme());
        String[] userInfo = userInfo(uri);
        String key = spec.option(KEY).filter(k -> !k.isEmpty()).orElse(DEFAULT_KEY.replace("{environment}",
                spec.environment()));
        boolean verifyTls = !spec.flag(INSECURE_SKIP_TLS_VERIFY, "leave it out: certificates are verified unless you"
                + " write " + INSECURE_SKIP_TLS_VERIFY + ": true");
        return new RedisSettings(name, uri.getHost(), uri.getPort() > 0 ? uri.getPort() : DEFAULT_PORT,
                database(name, uri), tls, verifyTls, spec.option(USERNAME).or(() -> Optional.ofNullable(userInfo[0])),
                spec.option(PASSWORD).or(() -> Optional.ofNullable(userInfo[1])), spec.duration(TIMEOUT, DEFAULT_TIMEOUT),
                key,
                spec.option(CHANNEL).filter(c -> !c.isEmpty()).orElse(key + ":changes"));
    }

    /** The record hash beside the data: {@code <key>:meta}. */
    String metaKey() {
        return key + ":meta";
    }

    /** The server's address for messages: scheme, host, port and database; never user-info. */
    String maskedUrl() {
        return (tls ? "rediss://" : "redis://") + host + ":" + port + "/" + database;
    }

    int timeoutMillis() {
        return (int) Math.min(Integer.MAX_VALUE, timeout.toMillis());
    }

    @Override
    public String toString() {
        return "RedisSettings[" + target + ", " + maskedUrl() + ", key " + key + ", channel " + channel
                + (username.isPresent() ? ", user " + username.get() : "") + (password.isPresent() ? ", password ******" : "")
                + (tls && !verifyTls ? ", TLS NOT VERIFIED" : "") + "]";
    }

    private static URI uri(String name, String url) {
        URI uri;
        try {
            uri = new URI(url.trim());
        } catch (URISyntaxException e) {
            throw bad(name, "url is not a URL", "write url: redis://host:6379/0 or rediss://host:6380/0");
        }
        if (!"redis".equals(uri.getScheme()) && !"rediss".equals(uri.getScheme())) {
            throw bad(name, "url must start with redis:// or rediss://" + (uri.getScheme() == null ? ""
                    : ", not " + uri.getScheme() + "://"), "write url: redis://host:6379/0 or rediss://host:6380/0");
        }
        if (uri.getHost() == null || uri.getHost().isEmpty()) {
            throw bad(name, "url names no host", "write url: redis://host:6379/0");
        }
        return uri;
    }

    /** {user, password}, each null when absent; {@code redis://:pw@host} has a password and no user. */
    private static String[] userInfo(URI uri) {
        String info = uri.getUserInfo();
        if (info == null || info.isEmpty()) {
            return new String[] {null, null};
        }
        int colon = info.indexOf(':');
        if (colon < 0) {
            return new String[] {info, null};
        }
        String user = info.substring(0, colon);
        return new String[] {user.isEmpty() ? null : user, info.substring(colon + 1)};
    }

    private static int database(String name, URI uri) {
        String path = uri.getPath() == null ? "" : uri.getPath().replaceFirst("^/", "");
        if (path.isEmpty()) {
            return 0;
        }
        try {
            int db = Integer.parseInt(path);
            if (db >= 0) {
                return db;
            }
        } catch (NumberFormatException e) {
            // reported below
        }
        throw bad(name, "the database in url must be a number such as /0, not /" + path,
                "write url: redis://host:6379/0");
    }

    private static ConfigCicdException bad(String target, String problem, String hint) {
        return ConfigCicdException.badInput("target " + target + ": " + problem, hint);
    }
}
