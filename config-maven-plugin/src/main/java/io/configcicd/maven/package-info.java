/**
 * The Maven plugin (goal prefix {@code config}): Mojos that bind {@code config.*} parameters, call one
 * {@code io.configcicd.core.api} service each, write the reports under {@code target/config-cicd/}, log through a
 * masking {@code Log}, and turn findings into {@code MojoFailureException} and infrastructure failures into
 * {@code MojoExecutionException}.
 *
 * <p>Must import from the core only {@code api}, {@code model}, {@code report} and the exception types (checked by
 * the core's {@code ArchitectureTest}); no Mojo is over 100 lines.
 */
package io.configcicd.maven;
