package io.configcicd.store.redis;

import java.time.Duration;
import org.apache.commons.pool2.impl.GenericObjectPoolConfig;
import redis.clients.jedis.Connection;
import redis.clients.jedis.DefaultJedisClientConfig;
import redis.clients.jedis.JedisClientConfig;
import redis.clients.jedis.RedisClient;
import redis.clients.jedis.SslOptions;
import redis.clients.jedis.SslVerifyMode;

/**
 * Builds the Jedis {@link RedisClient} of a target. Creating it does not connect. The connection pool is small
 * (one deploy uses one store) and its idle-connection evictor is off: Jedis' own {@code ConnectionPoolConfig}
 * would start commons-pool's eviction thread, and a store starts no thread.
 */
final class RedisClients {

    static final String CLIENT_NAME = "config-cicd";
    private static final int MAX_CONNECTIONS = 4;

    private RedisClients() {
    }

    static RedisClient open(RedisSettings s) {
        return RedisClient.builder()
                .hostAndPort(s.host(), s.port())
                .clientConfig(clientConfig(s))
                .poolConfig(poolConfig())
                .build();
    }

    static JedisClientConfig clientConfig(RedisSettings s) {
        DefaultJedisClientConfig.Builder b = DefaultJedisClientConfig.builder()
                .clientName(CLIENT_NAME)
                .database(s.database())
                .connectionTimeoutMillis(s.timeoutMillis())
                .socketTimeoutMillis(s.timeoutMillis())
                .resp2();
        s.username().ifPresent(b::user);
        s.password().ifPresent(b::password);
        if (s.tls()) {
            b.ssl(true).sslOptions(SslOptions.builder()
                    .sslVerifyMode(s.verifyTls() ? SslVerifyMode.FULL : SslVerifyMode.INSECURE).build());
        }
        return b.build();
    }

    private static GenericObjectPoolConfig<Connection> poolConfig() {
        GenericObjectPoolConfig<Connection> pool = new GenericObjectPoolConfig<>();
        pool.setMaxTotal(MAX_CONNECTIONS);
        pool.setMaxIdle(MAX_CONNECTIONS);
        pool.setMinIdle(0);
        pool.setTestWhileIdle(false);
        pool.setTimeBetweenEvictionRuns(Duration.ofMillis(-1));
        pool.setJmxEnabled(false);
        return pool;
    }
}
