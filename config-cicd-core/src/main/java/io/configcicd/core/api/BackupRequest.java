package io.configcicd.core.api;

import io.configcicd.core.model.Scope;
import java.util.Objects;

/**
 * The backup {@link BackupService#create} takes of configuration ({@code scope}, {@code name}), and the word in its
 * name ({@code label}, {@value #DEFAULT_LABEL} unless given).
 */
public record BackupRequest(Scope scope, String name, String label) {

    /** The label of a backup taken by hand. */
    public static final String DEFAULT_LABEL = "manual";

    public BackupRequest {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(label, "label");
    }

    public static BackupRequest of(Scope scope, String name) {
        return new BackupRequest(scope, name, DEFAULT_LABEL);
    }

    public BackupRequest withLabel(String value) {
        return new BackupRequest(scope, name, value);
    }
}
