package io.configcicd.core.api;

import io.configcicd.core.model.Scope;
import java.util.Objects;

/**
 * What {@link ReadService#list} lists: {@code GLOBAL}, every environment (each has an effective configuration), or
 * {@code ENVIRONMENT}, the environments with an override document.
 */
public record ListRequest(Scope scope) {

    public ListRequest {
        Objects.requireNonNull(scope, "scope");
    }

    public static ListRequest of(Scope scope) {
        return new ListRequest(scope);
    }
}
