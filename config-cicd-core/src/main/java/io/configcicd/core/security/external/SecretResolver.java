package io.configcicd.core.security.external;

/**
 * Resolves one kind of external secret reference, {@code ${scheme:REFERENCE}}, to its value.
 *
 * <p>Implementations are called only by commands that need real values (deploy, {@code get --reveal});
 * building one does no I/O. A value fetched once is kept for the life of the instance (one run), so a path
 * named by many references is fetched once.
 *
 * <p>Errors are {@link io.configcicd.core.ConfigCicdException}s: {@code BAD_INPUT} when the reference names
 * nothing (no such secret, no such key, a missing setting such as {@code VAULT_TOKEN}), {@code EXTERNAL} when
 * the store refuses or cannot be reached. Messages name the path and key, never a secret value.
 */
public interface SecretResolver {

    /** The prefix this resolver answers for, without the colon: {@code "vault"}, {@code "aws-sm"}. */
    String scheme();

    /**
     * The value named by a reference.
     *
     * @param reference the text after {@code "scheme:"}, for example {@code secret/db#password}
     */
    String resolve(String reference);
}
