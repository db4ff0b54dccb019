/**
 * The tamper-evident audit log: who changed, deployed, rolled back or revealed what, and which attempts
 * access control denied. {@link io.configcicd.core.security.audit.AuditLog} appends hash-chained JSON lines
 * (format and hash defined there), {@link io.configcicd.core.security.audit.AuditVerifier} checks them (its
 * limits are documented there), {@link io.configcicd.core.security.audit.Principal} names the user and
 * {@link io.configcicd.core.security.audit.AuditSettings} reads {@code audit:} of {@code config-cicd.yaml}.
 */
package io.configcicd.core.security.audit;
