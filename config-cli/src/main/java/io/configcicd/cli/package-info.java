/**
 * The command line ({@code bin/config-cicd}): picocli commands that are thin adapters. Each reads its options, builds
 * one {@code io.configcicd.core.api} request, calls one service, and renders the outcome ({@code Output},
 * {@code report} writers); {@code ErrorReporter} maps an {@code ErrorKind} to the exit code in one place, and every
 * byte written passes through the run's masker first.
 *
 * <p>Must import from the core only {@code api}, {@code model}, {@code report}, the exception types and the run's
 * {@code OutputMasker} (checked by the core's {@code ArchitectureTest}): no access check, audit entry, file write or
 * git read happens here.
 */
package io.configcicd.cli;
