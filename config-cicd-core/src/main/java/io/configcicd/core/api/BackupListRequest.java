package io.configcicd.core.api;

import io.configcicd.core.model.Scope;
import java.util.Objects;

/** Whose backups {@link BackupService#list} lists: configuration ({@code scope}, {@code name}). */
public record BackupListRequest(Scope scope, String name) {

    public BackupListRequest {
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(name, "name");
    }

    public static BackupListRequest of(Scope scope, String name) {
        return new BackupListRequest(scope, name);
    }
}
