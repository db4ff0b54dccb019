package io.configcicd.store.redis;

import io.configcicd.core.security.OutputMasker;
import io.configcicd.core.store.StoreException;
import io.configcicd.core.store.StoreException.Reason;
import java.util.Locale;
import redis.clients.jedis.exceptions.JedisAccessControlException;
import redis.clients.jedis.exceptions.JedisConnectionException;
import redis.clients.jedis.exceptions.JedisDataException;
import redis.clients.jedis.exceptions.JedisException;

/**
 * The one translation of Jedis' exceptions into {@link StoreException}s with a reason and a hint. No Jedis type
 * leaves: the cause attached is a plain {@link RuntimeException} with the original's class name, message and stack.
 * Messages name the server by {@link RedisSettings#maskedUrl()} (no user-info) and never carry a value; redis'
 * own error lines name commands and keys, not values.
 */
final class RedisErrors {

    private RedisErrors() {
    }

    /**
     * @param doing what the store was doing ("reading config:prod")
     * @param state what the target holds now ("nothing was written")
     */
    static StoreException translate(RedisSettings s, String doing, String state, JedisException e) {
        String redisSays = firstLine(e);
        String upper = redisSays.toUpperCase(Locale.ROOT);
        if (isAuth(e, upper)) {
            return new StoreException(Reason.UNAUTHORIZED, s.target(), "redis at " + s.maskedUrl()
                    + " refused the credentials while " + doing + " (" + redisSays + "); " + state,
                    "set password: (and username: for an ACL user) of the target, e.g. password: ${REDIS_PASSWORD},"
                            + " and check the user's ACL allows the hash, string and pub/sub commands on the key",
                    detached(e));
        }
        if (upper.startsWith("READONLY")) {
            return new StoreException(Reason.UNAVAILABLE, s.target(), "redis at " + s.maskedUrl()
                    + " is a read-only replica and refused a write while " + doing + "; " + state,
                    "point url at the primary (ROLE there says master), not at a replica", detached(e));
        }
        if (upper.startsWith("OOM")) {
            return new StoreException(Reason.UNAVAILABLE, s.target(), "redis at " + s.maskedUrl()
                    + " is out of memory (maxmemory) while " + doing + "; " + state,
                    "free memory or raise maxmemory on the server, then deploy again", detached(e));
        }
        if (e instanceof JedisConnectionException) {
            return new StoreException(Reason.UNAVAILABLE, s.target(), "cannot reach redis at " + s.maskedUrl()
                    + " while " + doing + " (" + redisSays + "); " + state,
                    "check that redis runs there and is reachable from this machine, the url, and timeout: (now "
                            + s.timeout().toMillis() + " ms)", detached(e));
        }
        return new StoreException(Reason.UNAVAILABLE, s.target(), "redis at " + s.maskedUrl()
                + " answered with an error while " + doing + " (" + redisSays + "); " + state,
                "check the server's log and the user's ACL", detached(e));
    }

    /** A key holds a type the target does not write: refused, never overwritten. */
    static StoreException wrongType(RedisSettings s, String key, String holds, String wants, String state) {
        return new StoreException(Reason.UNAVAILABLE, s.target(), "key " + key + " at " + s.maskedUrl() + " holds a "
                + holds + ", not the " + wants + " this target writes; refusing to overwrite it, " + state,
                "if nothing reads that key, delete or rename it (redis-cli DEL " + key + "); otherwise point key: of"
                        + " the target at another name", null);
    }

    private static boolean isAuth(JedisException e, String upper) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            if (t instanceof JedisAccessControlException) {
                return true;
            }
            if (t instanceof JedisDataException && t.getMessage() != null) {
                String m = t.getMessage().toUpperCase(Locale.ROOT);
                if (m.startsWith("NOAUTH") || m.startsWith("WRONGPASS") || m.startsWith("NOPERM")) {
                    return true;
                }
            }
        }
        return upper.startsWith("NOAUTH") || upper.startsWith("WRONGPASS") || upper.startsWith("NOPERM");
    }

    /** The message of the exception or, for a wrapped one, of the first cause that has one: one line. */
    private static String firstLine(Throwable e) {
        for (Throwable t = e; t != null; t = t.getCause()) {
            String m = t.getMessage();
            if (m != null && !m.isBlank()) {
                int nl = m.indexOf('\n');
                return (nl < 0 ? m : m.substring(0, nl)).trim();
            }
        }
        return e.getClass().getSimpleName();
    }

    /** The exception's chain as plain runtime exceptions: class names and messages kept, no SDK type. */
    static RuntimeException detached(Throwable e) {
        RuntimeException cause = e.getCause() == null || e.getCause() == e ? null : detached(e.getCause());
        RuntimeException out = new RuntimeException(e.getClass().getName() + ": "
                + OutputMasker.urlPasswordsOnly().mask(String.valueOf(e.getMessage())), cause);
        out.setStackTrace(e.getStackTrace());
        return out;
    }
}
