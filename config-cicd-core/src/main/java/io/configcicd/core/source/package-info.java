/**
 * A configuration as of a point in time: {@code Snapshot} (settings, documents, environments, effective
 * configurations, problems) with {@code DirectorySnapshot}, the work tree, and the snapshot of a git revision
 * read straight from git's objects ({@code EffectiveAtRevision}, {@code RevisionReader}). The effective
 * configuration of an environment is computed here and nowhere else.
 *
 * <p>Must import only {@code model}, {@code load}, {@code merge}, {@code repo}, {@code security} (a snapshot's masker) and the root exception types: no
 * validation, history or reporting.
 */
package io.configcicd.core.source;
