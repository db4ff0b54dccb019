package io.configcicd.core.security.external;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Collections;
import java.util.IdentityHashMap;
import java.util.Set;

/** Checks that no secret value shows in an exception, its causes or its suppressed exceptions. */
final class Leaks {

    private Leaks() {
    }

    static void assertNoSecretIn(Throwable thrown, String... secrets) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        check(thrown, seen, secrets);
    }

    private static void check(Throwable t, Set<Throwable> seen, String... secrets) {
        if (t == null || !seen.add(t)) {
            return;
        }
        for (String s : secrets) {
            assertThat(String.valueOf(t.getMessage())).as("message of %s", t.getClass().getName()).doesNotContain(s);
            assertThat(t.toString()).doesNotContain(s);
        }
        check(t.getCause(), seen, secrets);
        for (Throwable s : t.getSuppressed()) {
            check(s, seen, secrets);
        }
    }
}
