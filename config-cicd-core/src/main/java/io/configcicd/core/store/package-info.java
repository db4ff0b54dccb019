/**
 * The store SPI: how the effective configuration reaches the systems running services read (ARCHITECTURE 3a).
 *
 * <p>Owns: {@link io.configcicd.core.store.ConfigStore} (read the live state, apply with check-and-set against the
 * state the caller read, verify by reading back, check for {@code test-stores}) and
 * {@link io.configcicd.core.store.StoreProvider} (one per {@code type}, found by {@link java.util.ServiceLoader}
 * through {@link io.configcicd.core.store.StoreProviders}); the values they exchange
 * ({@link io.configcicd.core.store.StoreContent} in the {@code keys} or {@code document} layout,
 * {@link io.configcicd.core.store.DeployedRecord}, {@link io.configcicd.core.store.StoreState},
 * {@link io.configcicd.core.store.StoreCheck}, {@link io.configcicd.core.store.Verification}); the parsing of a
 * {@code targets:} entry ({@link io.configcicd.core.store.TargetSpecs}); the one encoding of a configuration into
 * store content ({@link io.configcicd.core.store.ContentEncoder}) and the JSON forms stores share
 * ({@link io.configcicd.core.store.StoreJson}); the typed error {@link io.configcicd.core.store.StoreException}
 * and its one mapping to an exit code; the decorators every store gets
 * ({@link io.configcicd.core.store.SizeLimitedStore}).
 *
 * <p>Shape: spring-cloud-config's {@code EnvironmentRepository} (one interface, one class or module per backend,
 * cross-cutting concerns as decorators) and Argo CD's gitops-engine (plan, apply and verify are separate steps;
 * the plan is the deploy engine's, from two {@code StoreContent}s). The {@code file} store lives in
 * {@code store.file}; redis, consul, kubernetes-configmap and aws-appconfig live in their own Maven modules
 * ({@code io.configcicd.store.*}) so that an embedding service pulls only the client it uses; each subclasses the
 * abstract {@code ConfigStoreContract} test of core's test-jar.
 *
 * <p>May import {@code model}, {@code load}, {@code merge}, {@code repo}, {@code security}, {@code source} and the
 * packages of the layers before it. Must not import {@code deploy}, {@code watch}, {@code runtime}, {@code report}
 * or {@code api}, nor any store SDK: no SDK type appears in a signature or an exception of this package or of a
 * store implementation. Stores start no thread, print nothing, take time from the {@code Clock} of the
 * {@link io.configcicd.core.store.StoreContext}, and never put a configuration value or a password in a message.
 */
package io.configcicd.core.store;
