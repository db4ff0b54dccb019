/**
 * The GitHub Action's entry point ({@code config-cicd-action.jar}, run by the Dockerfile): reads the runner's
 * {@code INPUT_*} and {@code GITHUB_*} variables, masks every secret with {@code ::add-mask::} before anything else,
 * runs one step per {@code command} through one {@code io.configcicd.core.api} service, and writes
 * {@code GITHUB_OUTPUT}, the step summary and annotations.
 *
 * <p>Must import from the core only {@code api}, {@code model}, {@code report} and the exception types (checked by
 * the core's {@code ArchitectureTest}).
 */
package io.configcicd.action;
