/**
 * Reading configuration text into the model: the {@code FormatCodec} of each format, {@code LoadLimits} (size,
 * depth, aliases), UTF-8 decoding, parse errors in our own words at file:line ({@code ConfigParseException},
 * never quoting a value), and {@code Interpolator} for {@code ${VAR}} references.
 *
 * <p>Owns: parsing and interpolation of one document. Must not import {@code repo} or anything above it: it knows
 * nothing of directories, settings, git or secrets.
 */
package io.configcicd.core.load;
