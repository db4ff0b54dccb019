package io.configcicd.store.redis;

import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import redis.clients.jedis.RedisClient;

/**
 * A second, plain Jedis client on a test server, apart from the store under test: reads back what a deploy wrote and
 * edits the store by hand. Its API speaks Java types only, so tests outside this module (config-cli's end-to-end
 * tests, which have Jedis at run time only) compile without Jedis.
 */
public final class RedisReadBack implements AutoCloseable {

    private final RedisClient client;

    private RedisReadBack(RedisClient client) {
        this.client = client;
    }

    public static RedisReadBack connect(RedisServerExtension server) {
        return new RedisReadBack(RedisClient.create("127.0.0.1", server.port()));
    }

    /** The hash {@code key}; empty when there is none. */
    public Map<String, String> hash(String key) {
        return new TreeMap<>(client.hgetAll(key));
    }

    /** {@code HSET key field value}: a hand edit of the live hash. */
    public void hset(String key, String field, String value) {
        client.hset(key, field, value);
    }

    public Optional<String> string(String key) {
        return Optional.ofNullable(client.get(key));
    }

    /** {@code none}, {@code hash}, {@code string}, ... */
    public String type(String key) {
        return client.type(key);
    }

    /**
     * Every key of the database with its type and content (hashes as sorted maps), sorted: equal before and after an
     * operation means the operation wrote nothing.
     */
    public SortedMap<String, String> everything() {
        SortedMap<String, String> out = new TreeMap<>();
        for (String key : client.keys("*")) {
            String type = client.type(key);
            String content = switch (type) {
                case "hash" -> new TreeMap<>(client.hgetAll(key)).toString();
                case "string" -> client.get(key);
                default -> "(" + type + ")";
            };
            out.put(key, type + " " + content);
        }
        return out;
    }

    @Override
    public void close() {
        client.close();
    }
}
