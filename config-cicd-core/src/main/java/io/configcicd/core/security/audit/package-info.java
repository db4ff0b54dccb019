/**
 * The tamper-evident audit log: who changed, deployed, rolled back or revealed what, and which attempts
 * access control denied. {@link io.configcicd.core.security.audit.AuditLog} appends hash-chained JSON lines
 * (format and hash defined there), keyed with {@link io.configcicd.core.security.audit.AuditKey} when
 * {@code CONFIG_CICD_AUDIT_KEY} is set and anchored in git ({@code AuditAnchor}) when the log is in a git work tree;
 * {@link io.configcicd.core.security.audit.AuditVerifier} checks them (its limits are documented there),
 * {@link io.configcicd.core.security.audit.Principal} names the user and
 * {@link io.configcicd.core.security.audit.AuditSettings} reads {@code audit:} of {@code config-cicd.yaml}.
 * Imports the model, repo (files, locks, git work trees) and JGit; nothing of validate, version or api.
 */
package io.configcicd.core.security.audit;
