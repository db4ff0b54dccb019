/**
 * The {@code kubernetes-configmap} deploy target ({@code type: kubernetes-configmap}, ARCHITECTURE 3a) on fabric8
 * kubernetes-client with the JDK HTTP client: the {@code document} layout as data key {@code application.json} or
 * {@code application.yaml}, the {@code keys} layout as one data key per dotted path (paths that are not valid
 * ConfigMap keys refused before anything is written), the deployed record as {@code config-cicd.io/} annotations
 * and the label {@code app.kubernetes.io/managed-by: config-cicd}; create, or update with the resourceVersion the
 * plan read; {@code immutable: true} (new immutable ConfigMaps behind a pointer, pruned to {@code keep});
 * {@code secrets: resolve} (in the {@code keys} layout the secret entries in a Secret of the same name and the rest
 * with the record in the ConfigMap; otherwise a Secret instead of the ConfigMap); {@code test-stores}' checks.
 *
 * <p>Entry point: {@link io.configcicd.store.kubernetes.KubernetesStoreProvider}, listed in
 * {@code META-INF/services/io.configcicd.core.store.StoreProvider}; everything else is package-private.
 *
 * <p>Owns every use of fabric8: no fabric8 type appears in a public signature or leaves as an exception (or an
 * exception's cause); {@code KubernetesErrors} translates each into a
 * {@link io.configcicd.core.store.StoreException} with a reason and a hint, and no message carries a token, the
 * API server's status message (a 422 quotes values) or a configuration value.
 *
 * <p>May import {@code io.configcicd.core.store}, {@code io.configcicd.core.model}, the exception types of the core
 * ({@code ConfigCicdException}, {@code ErrorKind}), fabric8 and the JDK. Must not import {@code deploy},
 * {@code report}, {@code api}, another store or a front end. Starts no thread of its own; the fabric8 client's
 * HTTP threads are closed in {@code close()}.
 */
package io.configcicd.store.kubernetes;
