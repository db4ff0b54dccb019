/**
 * The {@code aws-appconfig} deploy target ({@code type: aws-appconfig}, ARCHITECTURE 3a) on the AWS SDK v2
 * {@code appconfig} client (and {@code sts} for {@code test-stores}' caller identity), with the JDK URL-connection
 * HTTP client: the {@code document} layout only, as a hosted configuration version of the profile (content type
 * {@code application/json} or {@code application/x-yaml}) deployed to the environment with the configured strategy;
 * the deployed record in the version's description and label; check-and-set through {@code Latest-Version-Number};
 * restore by {@code StopDeployment} while running, or by deploying the previous version number again.
 *
 * <p>Entry point: {@link io.configcicd.store.appconfig.AppConfigStoreProvider}, listed in
 * {@code META-INF/services/io.configcicd.core.store.StoreProvider}; everything else is package-private.
 *
 * <p>Owns every use of the AWS SDK in this module: SDK types appear only in {@code AppConfigApi},
 * {@code AppConfigErrors} and the provider, never in a signature outside the package or as an exception (or an
 * exception's cause); {@code AppConfigErrors} translates each into a
 * {@link io.configcicd.core.store.StoreException}. No message carries a credential or a configuration value.
 *
 * <p>May import {@code io.configcicd.core.store}, the exception types of the core ({@code ConfigCicdException},
 * {@code ErrorKind}), {@code io.configcicd.core.security.OutputMasker}, Jackson, the AWS SDK and the JDK. Must not
 * import {@code deploy}, {@code report}, {@code api}, another store or a front end. Starts no thread: a running
 * deployment is polled on the caller's thread through a {@code Sleeper}, time comes from the context's clock.
 */
package io.configcicd.store.appconfig;
