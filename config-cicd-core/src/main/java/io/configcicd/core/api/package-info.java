/**
 * The front door: one service per operation ({@code ValidationService}, {@code AssessmentService}, ...) with a
 * {@code *Request} and an {@code *Outcome}, the per-run {@code Workspace} (snapshot, masker, governance, clock,
 * events), {@code Governance} (access checks and audit entries, done inside the services), and {@code
 * ConfigurationManager}, the library facade of the original design.
 *
 * <p>Nothing in the core imports this package. Front ends import only this package, {@code model}, {@code report}
 * and the exception types (checked by {@code ArchitectureTest}).
 */
package io.configcicd.core.api;
