package io.configcicd.core;

/**
 * What went wrong, in the terms front ends map to exit codes or build failures (ARCHITECTURE 3):
 * the CLI maps FINDINGS to 1, BAD_INPUT to 2, EXTERNAL to 3 and ACCESS_DENIED to 4.
 */
public enum ErrorKind {
    /** The input is fine but the configuration has findings (validation errors, risk at or above a limit). */
    FINDINGS(1),
    /** The user gave something the product cannot use: unparseable file, bad name, unresolved variable. */
    BAD_INPUT(2),
    /** A system outside the product failed: a store, git, the file system. */
    EXTERNAL(3),
    /** The principal lacks a permission. */
    ACCESS_DENIED(4);

    private final int exitCode;

    ErrorKind(int exitCode) {
        this.exitCode = exitCode;
    }

    /** The process exit code of this kind (ARCHITECTURE 3), the same for the CLI and the action. */
    public int exitCode() {
        return exitCode;
    }
}
