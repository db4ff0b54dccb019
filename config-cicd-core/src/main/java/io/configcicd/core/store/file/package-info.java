/**
 * The {@code file} store ({@code type: file}): {@code <path>/<environment>.json} and its deployed record
 * {@code <environment>.meta.json}, each written atomically ({@link io.configcicd.core.repo.AtomicFiles}: temporary
 * file, fsync, rename), the pair changed under an environment lock ({@link io.configcicd.core.repo.FileLocks}) with
 * check-and-set on what the caller read, and the content file put back when the record cannot be written. The
 * embedded default target: a first deploy works with nothing running.
 *
 * <p>Entry point: {@link io.configcicd.core.store.file.FileStoreProvider}, listed in
 * {@code META-INF/services/io.configcicd.core.store.StoreProvider}; the store itself is package-private.
 *
 * <p>May import {@code store}, {@code repo}, {@code model} and the JDK. Must not import {@code deploy},
 * {@code report}, {@code api}, another store, or anything that starts a thread.
 */
package io.configcicd.core.store.file;
