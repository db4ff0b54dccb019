/**
 * The values everything else is made of: the immutable configuration tree ({@code ConfigNode}: map, list, scalar)
 * whose every value knows its {@code Origin} (file, line, column, and the chain of values it overrode), {@code
 * ConfigPath} and globs, {@code Scope}, {@code Format}, {@code Severity} and {@code RiskLevel}.
 *
 * <p>Owns: value types with no behaviour beyond their own invariants. Must not import any other package of the
 * product (it is the bottom layer), nor Jackson, JGit or any I/O; front ends may import it.
 */
package io.configcicd.core.model;
