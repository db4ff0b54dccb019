package io.configcicd.core.report;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.model.ConfigList;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Origin;
import io.configcicd.core.model.ScalarType;
import io.configcicd.core.repo.CommandLineValue;
import io.configcicd.core.report.RepositoryPaths;
import io.configcicd.core.security.SecretMasker;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.json.JsonMapper;

/**
 * Values as outputs show them: the plain form a json or yaml writer serializes, a value on one line the way
 * {@code --value} reads it back, a scalar as a user reads it, an origin as a structure. Shared by the report
 * renderers of this package and by the front ends' output.
 */
public final class ValueText {

    private static final JsonMapper JSON_INLINE = JsonMapper.builder().build();

    private ValueText() {
    }

    /** The plain form of a tree for serializing; dates and times keep the text they were written with. */
    public static Object plain(ConfigNode node) {
        if (node instanceof ConfigMap map) {
            Map<String, Object> out = new LinkedHashMap<>();
            map.entries().forEach((k, v) -> out.put(k, plain(v)));
            return out;
        }
        if (node instanceof ConfigList list) {
            List<Object> out = new ArrayList<>(list.size());
            list.items().forEach(item -> out.add(plain(item)));
            return out;
        }
        ConfigScalar s = (ConfigScalar) node;
        return switch (s.type()) {
            case OFFSET_DATETIME, LOCAL_DATETIME, LOCAL_DATE, LOCAL_TIME -> s.text();
            default -> s.value();
        };
    }

    /**
     * A value on one line, the way {@code --value} reads it back: {@code 5}, {@code true}, {@code gpt-4},
     * {@code "5"} (a string that would otherwise read as another type), {@code ["a","b"]}.
     */
    public static String inline(ConfigNode node) {
        if (node instanceof ConfigScalar s && s.type() == ScalarType.STRING) {
            String text = (String) s.value();
            return readsBackAsItself(text) ? text : JSON_INLINE.writeValueAsString(text);
        }
        if (node instanceof ConfigScalar s) {
            return text(s);
        }
        return JSON_INLINE.writeValueAsString(jsonSafe(plain(node)));
    }

    /** A scalar as a user reads it; infinity and not-a-number in their YAML spelling, as --value reads them back. */
    public static String text(ConfigScalar s) {
        return s.value() instanceof Double d && !Double.isFinite(d) ? nonFinite(d) : s.asText();
    }

    /** An origin as a structure: {@code {file, line, column}}, the file relative to the repository root. */
    public static Map<String, Object> origin(Origin origin, RepositoryPaths paths) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("file", origin.isKnown() ? paths.file(origin.file()) : null);
        out.put("line", origin.line());
        out.put("column", origin.column());
        return out;
    }

    /**
     * The structure with every infinite or not-a-number float replaced by its YAML spelling as a string
     * ({@code ".inf"}, {@code "-.inf"}, {@code ".nan"}): JSON has no such numbers.
     */
    public static Object jsonSafe(Object structure) {
        if (structure instanceof Map<?, ?> map) {
            Map<Object, Object> out = new LinkedHashMap<>();
            map.forEach((k, v) -> out.put(k, jsonSafe(v)));
            return out;
        }
        if (structure instanceof List<?> list) {
            List<Object> out = new ArrayList<>(list.size());
            list.forEach(item -> out.add(jsonSafe(item)));
            return out;
        }
        if (structure instanceof Double d && !Double.isFinite(d)) {
            return nonFinite(d);
        }
        return structure;
    }

    private static String nonFinite(double d) {
        return Double.isNaN(d) ? ".nan" : d > 0 ? ".inf" : "-.inf";
    }

    private static boolean readsBackAsItself(String text) {
        if (text.equals(SecretMasker.MASK)) {
            return true;
        }
        if (text.isEmpty() || !text.strip().equals(text)) {
            return false;
        }
        try {
            return CommandLineValue.parse(text) instanceof ConfigScalar back && back.type() == ScalarType.STRING
                    && text.equals(back.value());
        } catch (ConfigCicdException e) {
            return false;
        }
    }
}
