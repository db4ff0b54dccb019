package io.configcicd.core.impact;

import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.PathGlob;
import java.util.List;
import java.util.Objects;

/**
 * One test recommendation rule: a change at a path matching {@code glob} recommends {@code tests}.
 *
 * @param glob  the paths it covers
 * @param tests the names of the test suites to run
 */
public record TestRule(PathGlob glob, List<String> tests) {

    public TestRule {
        Objects.requireNonNull(glob, "glob");
        tests = List.copyOf(tests);
    }

    /** A rule from its glob text. */
    public static TestRule of(String glob, String... tests) {
        return new TestRule(PathGlob.parse(glob), List.of(tests));
    }

    public boolean matches(ConfigPath path) {
        return glob.matches(path);
    }
}
