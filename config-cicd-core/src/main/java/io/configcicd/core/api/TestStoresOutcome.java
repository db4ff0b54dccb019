package io.configcicd.core.api;

import io.configcicd.core.ErrorKind;
import io.configcicd.core.store.StoreCheck;
import java.util.List;
import java.util.Optional;

/** The result of {@link DeployService#testStores}: one check per target; EXTERNAL (exit 3) when any failed. */
public record TestStoresOutcome(List<StoreCheck> checks) {

    public TestStoresOutcome {
        checks = List.copyOf(checks);
    }

    public Optional<ErrorKind> failure() {
        return checks.stream().allMatch(StoreCheck::passed) ? Optional.empty() : Optional.of(ErrorKind.EXTERNAL);
    }

    public int exitCode() {
        return failure().map(ErrorKind::exitCode).orElse(0);
    }
}
