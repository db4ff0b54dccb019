/**
 * External secret references: {@code ${vault:PATH#KEY}} (HashiCorp Vault KV version 2 over HTTP) and
 * {@code ${aws-sm:NAME#KEY}} / {@code ${aws-sm:NAME}} (AWS Secrets Manager, SDK v2), resolved like
 * {@code ${VAR}} references and only when a command needs real values (deploy, {@code get --reveal}).
 *
 * <p>Entry points: {@link io.configcicd.core.security.external.ExternalSecretInterpolator} resolves a tree
 * (origins kept, failures at the reference's file:line); {@link io.configcicd.core.security.external.ResolvingVariableSource}
 * is the variable lookup that dispatches {@code scheme:...} names to a
 * {@link io.configcicd.core.security.external.SecretResolver} and all other names to the environment.
 * Loading, merging, validating, diffing, listing and masking never call them, so they never contact a store:
 * a masked secret shows as the mask, an unmasked reference as written.
 *
 * <p>Vault: {@code VAULT_ADDR} (default {@code https://127.0.0.1:8200}), {@code VAULT_TOKEN} (required when a
 * vault reference is resolved), {@code VAULT_NAMESPACE}. {@code ${vault:secret/db#password}} reads
 * {@code GET /v1/secret/data/db} and its field {@code password}: {@code data/} is inserted after the first
 * segment unless the path already has a {@code data} segment after it ({@code secret/data/db},
 * {@code team/kv/data/db} for nested mounts).
 *
 * <p>AWS: {@code AWS_REGION} (default {@code us-east-1}), {@code AWS_ENDPOINT_URL_SECRETS_MANAGER} or
 * {@code AWS_ENDPOINT_URL}, credentials from {@code AWS_ACCESS_KEY_ID}/{@code AWS_SECRET_ACCESS_KEY} or the
 * SDK's default chain. With {@code #KEY} the SecretString must be a JSON object.
 *
 * <p>Errors: not found, missing key or token, unknown scheme, a default on an external reference
 * ({@code :-x}, refused) are bad input (exit 2); permission denied, other store errors and unreachable stores
 * are external (exit 3). No message names a secret value. Each path or secret is fetched once per resolver.
 *
 * <p>Tests run against HTTP doubles that answer as the real APIs do ({@code VaultDouble},
 * {@code SecretsManagerDouble} in the test tree); no Vault or AWS endpoint runs on the build machines.
 */
package io.configcicd.core.security.external;
