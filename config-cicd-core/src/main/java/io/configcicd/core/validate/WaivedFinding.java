package io.configcicd.core.validate;

/** A finding that a waiver in {@code config-cicd.yaml} silenced, with that waiver. */
public record WaivedFinding(Finding finding, Waiver waiver) {
}
