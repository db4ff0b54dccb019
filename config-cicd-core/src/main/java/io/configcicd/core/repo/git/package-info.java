/**
 * What the product needs of the git work tree around the directory: the revisions (one resolver for every
 * command, shallow clones detected), the committed files, and where the directory sits in the work tree
 * ({@code GitWorkTrees#repositoryPrefix}, from which {@code report.RepositoryPaths} names files in outputs).
 *
 * <p>Must import only {@code model} and the root exception types, and JGit.
 */
package io.configcicd.core.repo.git;
