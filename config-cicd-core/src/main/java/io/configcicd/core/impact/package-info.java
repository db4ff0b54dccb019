/**
 * Change impact: the {@code Assessor} reads two revisions' snapshots, diffs each environment's effective
 * configuration, rates every change LOW to CRITICAL by the risk rules, finds the code that reads the changed keys
 * and the tests to run, and validates the head.
 *
 * <p>Must import only {@code diff}, {@code validate} packages, {@code source} and below; the service with access
 * checks is {@code api.AssessmentService}, the rendering is {@code report}'s.
 */
package io.configcicd.core.impact;
