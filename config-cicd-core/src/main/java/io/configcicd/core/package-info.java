/**
 * The root of the core: the exception every layer throws, {@link io.configcicd.core.ConfigCicdException}, and its
 * {@link io.configcicd.core.ErrorKind}, the one list of what can go wrong that every front end maps to exit codes
 * (1 findings, 2 bad input, 3 external, 4 access denied), Maven exceptions or HTTP statuses.
 *
 * <p>Owns: the error types only. Must import nothing but {@code model} (an error carries the file:line of an
 * {@code Origin}); every other package may import it.
 */
package io.configcicd.core;
