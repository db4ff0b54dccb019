package io.configcicd.core.validate.policy;

import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.ScalarType;
import io.configcicd.core.model.PathGlob;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The globs one policy rule looks at; a path that several globs find is found once. */
record PathGlobs(List<PathGlob> globs) {

    PathGlobs {
        globs = List.copyOf(globs);
        if (globs.isEmpty()) {
            throw new IllegalArgumentException("a policy rule needs at least one path");
        }
    }

    static PathGlobs parse(List<String> texts) {
        return new PathGlobs(texts.stream().map(PathGlob::parse).toList());
    }

    /** Every value a glob finds, glob by glob in document order, each path once. */
    List<PathGlob.Match> find(ConfigNode root) {
        Map<ConfigPath, PathGlob.Match> out = new LinkedHashMap<>();
        for (List<PathGlob.Match> matches : PathGlob.findEach(globs, root)) {
            for (PathGlob.Match m : matches) {
                if (!m.path().isRoot()) {
                    out.putIfAbsent(m.path(), m);
                }
            }
        }
        return List.copyOf(out.values());
    }

    PathGlob first() {
        return globs.get(0);
    }

    /**
     * Whether a switch holds {@code value}: the boolean, or an unquoted YAML 1.1 spelling of it ({@code yes},
     * {@code off}, ...) that applications reading YAML 1.1 take for that boolean ({@link Yaml11Boolean}).
     */
    static boolean isBoolean(ConfigNode node, boolean value) {
        if (node instanceof ConfigScalar s && s.type() == ScalarType.BOOLEAN) {
            return s.value().equals(value);
        }
        return Yaml11Boolean.of(node).filter(b -> b.value() == value).isPresent();
    }

    /** {@code " (yes is true to YAML 1.1 readers ...)"} when the switch is a YAML 1.1 spelling, else nothing. */
    static String yaml11Note(ConfigNode node) {
        return Yaml11Boolean.of(node).map(b -> " (" + b.explained() + ")").orElse("");
    }

    /** {@code a, b, c} as the settings would write them. */
    @Override
    public String toString() {
        return globs.stream().map(PathGlob::toString).collect(Collectors.joining(", "));
    }
}
