/**
 * The {@code consul} deploy target ({@code type: consul}, ARCHITECTURE 3a) on kiwiproject's consul-client: the
 * {@code keys} layout as one key per leaf under {@code prefix}, the {@code document} layout as {@code prefix + data},
 * the deployed record as JSON at {@code config-cicd/deployments/<environment>}; every write a check-and-set
 * {@code /v1/txn} (split at {@code max_txn_ops}, applied ones restored on failure), and {@code test-stores}' checks.
 *
 * <p>Entry point: {@link io.configcicd.store.consul.ConsulStoreProvider}, listed in
 * {@code META-INF/services/io.configcicd.core.store.StoreProvider}; everything else is package-private.
 *
 * <p>Owns every use of consul-client and OkHttp: no SDK type appears in a public signature or leaves as an
 * exception (or an exception's cause); {@code ConsulErrors} translates each into a
 * {@link io.configcicd.core.store.StoreException}, and no message carries the token or a configuration value.
 *
 * <p>May import {@code io.configcicd.core.store}, {@code io.configcicd.core.model}, the core's exception types,
 * Jackson, consul-client, OkHttp and the JDK. Must not import {@code deploy}, {@code report}, {@code api}, another
 * store or a front end; starts no thread (OkHttp's pool and consul-client's executor are theirs, ended in close()).
 */
package io.configcicd.store.consul;
