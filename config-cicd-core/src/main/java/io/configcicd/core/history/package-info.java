/**
 * Versions of files: git history of a configuration, backups (git tags or copies under .config-cicd/backups), and
 * restoring files from a revision or a backup (file rollback, validated before it is committed).
 *
 * <p>Must import only {@code source}, {@code validate}, {@code diff} and below; never {@code report} or {@code
 * api}. Store rollback (putting a deploy target back) is {@code deploy}'s, not this package's.
 */
package io.configcicd.core.history;
