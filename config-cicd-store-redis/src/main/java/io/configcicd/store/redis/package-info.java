/**
 * The {@code redis} deploy target ({@code type: redis}, ARCHITECTURE 3a) on Jedis 8's {@code RedisClient}: the
 * {@code keys} layout as the hash {@code key} (one field per entry, switched atomically from a staging hash with
 * {@code RENAME} under {@code WATCH}/{@code MULTI}), the {@code document} layout as the string {@code key}, the
 * deployed record as the hash {@code <key>:meta}, a JSON change notice {@code PUBLISH}ed on the channel after each
 * apply, and {@code test-stores}' probe.
 *
 * <p>Entry point: {@link io.configcicd.store.redis.RedisStoreProvider}, listed in
 * {@code META-INF/services/io.configcicd.core.store.StoreProvider}; everything else is package-private.
 *
 * <p>Owns every use of Jedis and commons-pool2: no Jedis type appears in a public signature or leaves as an
 * exception (or an exception's cause); {@code RedisErrors} translates each into a
 * {@link io.configcicd.core.store.StoreException} with a reason and a hint, and no message carries a password
 * (URLs are shown without user-info) or a configuration value.
 *
 * <p>May import {@code io.configcicd.core.store}, {@code io.configcicd.core.model}, the exception types of the core
 * ({@code ConfigCicdException}, {@code ErrorKind}), {@code io.configcicd.core.security.OutputMasker}, Jackson for the
 * notice, Jedis and the JDK. Must not import {@code deploy}, {@code report}, {@code api}, another store or a front
 * end, and starts no thread (the pool's evictor is off).
 */
package io.configcicd.store.redis;
