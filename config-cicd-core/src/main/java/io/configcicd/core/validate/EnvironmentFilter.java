package io.configcicd.core.validate;

import java.util.List;
import java.util.regex.Pattern;

/**
 * Which environments a rule applies to: names or globs ({@code *} any characters, {@code ?} one character),
 * for example {@code [production, "staging-*"]}. An empty list means every environment.
 */
public final class EnvironmentFilter {

    public static final EnvironmentFilter ALL = new EnvironmentFilter(List.of());

    private final List<String> globs;
    private final List<Pattern> patterns;

    private EnvironmentFilter(List<String> globs) {
        this.globs = List.copyOf(globs);
        this.patterns = this.globs.stream().map(EnvironmentFilter::compile).toList();
    }

    public static EnvironmentFilter of(List<String> globs) {
        return globs.isEmpty() ? ALL : new EnvironmentFilter(globs);
    }

    public List<String> globs() {
        return globs;
    }

    public boolean matches(String environment) {
        return patterns.isEmpty() || patterns.stream().anyMatch(p -> p.matcher(environment).matches());
    }

    private static Pattern compile(String glob) {
        StringBuilder re = new StringBuilder();
        for (char c : glob.toCharArray()) {
            if (c == '*') {
                re.append(".*");
            } else if (c == '?') {
                re.append('.');
            } else {
                re.append(Pattern.quote(String.valueOf(c)));
            }
        }
        return Pattern.compile(re.toString());
    }

    @Override
    public String toString() {
        return globs.isEmpty() ? "all environments" : String.join(", ", globs);
    }
}
