/**
 * What the product needs of the git work tree around the directory: the revisions (one resolver for every
 * command, shallow clones detected), the committed files, the work tree's root, and {@code RepositoryPaths}, the
 * one convention for naming files in outputs (relative to the repository root).
 *
 * <p>Must import only {@code model} and the root exception types, and JGit.
 */
package io.configcicd.core.repo.git;
