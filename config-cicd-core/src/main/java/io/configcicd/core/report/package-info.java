/**
 * One model of findings ({@code Report}) and of an assessment ({@code AssessOutcome}) and the writers of every
 * output format: text, json, markdown, junit, sarif, gitlab code quality, GitHub annotations and workflow
 * commands; the renderers of the services' outcomes ({@code DiffReports}, {@code HistoryReports},
 * {@code ValidationLines}, ...); and {@code RepositoryPaths}, the one convention for naming files in every output
 * (relative to the repository root).
 *
 * <p>Must not import {@code api}; it renders what the layers below produce, and front ends may import it.
 */
package io.configcicd.core.report;
