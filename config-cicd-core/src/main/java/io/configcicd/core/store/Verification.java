package io.configcicd.core.store;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.TreeSet;

/**
 * The result of reading a target back after a write ({@link ConfigStore#verify}): whether it holds what was
 * written and, when it does not, which entries differ (names only, never values).
 */
public record Verification(boolean matches, boolean recordMatches, List<String> differingEntries) {

    public Verification {
        differingEntries = List.copyOf(Objects.requireNonNull(differingEntries, "differingEntries"));
    }

    /** Compares what a target holds with what was meant to be written. */
    public static Verification compare(StoreState expected, StoreState actual) {
        boolean recordMatches = expected.record().equals(actual.record());
        boolean contentMatches = expected.content().layout() == actual.content().layout()
                && expected.content().sha256().equals(actual.content().sha256());
        List<String> differing = contentMatches ? List.of() : differing(expected.content(), actual.content());
        return new Verification(contentMatches && recordMatches, recordMatches, differing);
    }

    private static List<String> differing(StoreContent expected, StoreContent actual) {
        if (!(expected instanceof StoreContent.Keys e) || !(actual instanceof StoreContent.Keys a)) {
            return List.of("(document)");
        }
        List<String> out = new ArrayList<>();
        TreeSet<String> names = new TreeSet<>(e.entries().keySet());
        names.addAll(a.entries().keySet());
        Map<String, String> x = e.entries();
        Map<String, String> y = a.entries();
        for (String name : names) {
            if (!Objects.equals(x.get(name), y.get(name))) {
                out.add(name);
            }
        }
        return out;
    }
}
