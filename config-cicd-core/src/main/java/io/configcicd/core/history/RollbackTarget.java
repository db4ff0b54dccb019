package io.configcicd.core.history;

/**
 * The version a rollback restores: its name as the user sees it, where the files come from (a commit id, or a
 * copy backup's id) with a short form for messages, and the configuration's files there.
 */
record RollbackTarget(String version, String sourceId, String shortId, BackupContent content) {
}
