package io.configcicd.core.history;

/**
 * A restore point: the version a file rollback restores, its name as the user sees it, where the files come from (a
 * commit id, or a copy backup's id) with a short form for messages, and the configuration's files there.
 */
record RestorePoint(String version, String sourceId, String shortId, BackupContent content) {
}
