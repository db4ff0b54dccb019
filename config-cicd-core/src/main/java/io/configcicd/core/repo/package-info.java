/**
 * The configuration directory on disk ({@code ConfigDirectory}: global/, environments/, schemas/,
 * config-cicd.yaml), its {@code Settings} sections, names that may not leave the directory, and the file
 * primitives every write uses: {@code AtomicFiles} (temp file, fsync, rename) and {@code FileLocks}.
 *
 * <p>Owns: files of the directory and their parse cache. Must not import {@code security}, {@code source} or
 * anything above: merging the effective configuration is {@code source}'s, checking access is {@code security}'s.
 */
package io.configcicd.core.repo;
