/**
 * Key-level differences of two effective configurations ({@code ConfigDiff}, {@code Change}, {@code
 * DiffSummary}), masked with the secrets of both sides; a secret that changed only in what is hidden is a
 * rotation.
 *
 * <p>Must import only {@code model}, {@code security} and its subpackages.
 */
package io.configcicd.core.diff;
