package io.configcicd.core.api;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigNodes;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Scope;
import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One configuration as a program reads it: {@code config.get("kgot.num_next_steps_decision", 3)}.
 * Immutable. Look-ups by dotted path go through an index built once, so a {@code get} is one hash look-up.
 */
public final class Configuration {

    private final Scope scope;
    private final String name;
    private final ConfigMap root;
    private volatile Map<String, ConfigNode> index;

    public Configuration(Scope scope, String name, ConfigMap root) {
        this.scope = scope;
        this.name = name;
        this.root = root;
    }

    public Scope scope() {
        return scope;
    }

    public String name() {
        return name;
    }

    /** The tree, every node with its origin and what it overrode. */
    public ConfigMap root() {
        return root;
    }

    /** The node at a path ({@code a.b}, {@code a.list[0]}, {@code a."dotted.key"}), if there is one. */
    public Optional<ConfigNode> node(String path) {
        return Optional.ofNullable(nodeOrNull(path));
    }

    /** The node at a path, or {@code null}: the look-up behind every {@code get}. */
    public ConfigNode nodeOrNull(String path) {
        ConfigNode n = index().get(path);
        if (n != null) {
            return n;
        }
        if (path.indexOf('"') < 0) {
            return null; // the index holds every canonical path; only quoted keys have another spelling
        }
        return ConfigNodes.at(root, ConfigPath.parse(path));
    }

    public boolean contains(String path) {
        return nodeOrNull(path) != null;
    }

    /** The plain value at a path ({@code Map}, {@code List}, String, Long, Double, Boolean...), or {@code null}. */
    public Object get(String path) {
        ConfigNode n = nodeOrNull(path);
        return n == null ? null : n.toPlain();
    }

    /**
     * The value at a path converted to the type of the default, or the default when the path is absent
     * or holds null. Numbers convert between widths when they fit; strings that hold numbers or booleans
     * (for example a resolved {@code ${PORT:-8080}}) convert too.
     *
     * @throws ConfigCicdException naming the value's file:line when it cannot be converted
     */
    @SuppressWarnings("unchecked")
    public <T> T get(String path, T defaultValue) {
        ConfigNode n = nodeOrNull(path);
        if (n == null || n.isNull()) {
            return defaultValue;
        }
        if (defaultValue == null) {
            return (T) n.toPlain();
        }
        if (n instanceof ConfigScalar s) {
            Object v = s.value();
            if (defaultValue.getClass() == v.getClass()) {
                return (T) v;
            }
            if (defaultValue instanceof Integer && v instanceof Long l && l == (int) (long) l) {
                return (T) Integer.valueOf((int) (long) l); // the common case of config.get("a.port", 8080)
            }
        }
        Class<?> type = defaultValue instanceof List ? List.class
                : defaultValue instanceof Map ? Map.class : defaultValue.getClass();
        return (T) Conversions.convert(n, type, path);
    }

    public String getString(String path, String defaultValue) {
        return get(path, defaultValue);
    }

    public int getInt(String path, int defaultValue) {
        return get(path, (Integer) defaultValue);
    }

    public long getLong(String path, long defaultValue) {
        return get(path, (Long) defaultValue);
    }

    public double getDouble(String path, double defaultValue) {
        return get(path, (Double) defaultValue);
    }

    public boolean getBoolean(String path, boolean defaultValue) {
        return get(path, (Boolean) defaultValue);
    }

    @SuppressWarnings("unchecked")
    public List<Object> getList(String path) {
        return get(path, List.of());
    }

    /** The whole configuration as ordered plain Java maps and lists. */
    @SuppressWarnings("unchecked")
    public Map<String, Object> toMap() {
        return (Map<String, Object>) root.toPlain();
    }

    private Map<String, ConfigNode> index() {
        Map<String, ConfigNode> i = index;
        if (i == null) {
            Map<String, ConfigNode> built = new HashMap<>();
            ConfigNodes.walk(root, ConfigPath.root(), (p, n) -> built.put(p.toString(), n));
            index = i = built;
        }
        return i;
    }

    @Override
    public String toString() {
        return scope.word() + "/" + name;
    }

    /** Type conversions for typed {@code get}. */
    static final class Conversions {
        private Conversions() {
        }

        static Object convert(ConfigNode n, Class<?> type, String path) {
            Object v = n.toPlain();
            if (type.isInstance(v)) {
                return v;
            }
            if (type == Integer.class && v instanceof Long l && l == (int) (long) l) {
                return (int) (long) l;
            }
            Object out = null;
            if (n instanceof ConfigScalar s) {
                out = scalar(s, v, type);
            }
            if (out == null) {
                throw ConfigCicdException.badInput(n.origin(), path + " is " + describe(n) + ", not "
                        + type.getSimpleName().toLowerCase(java.util.Locale.ROOT), "change the value or the default's type");
            }
            return out;
        }

        private static Object scalar(ConfigScalar s, Object v, Class<?> type) {
            if (type == String.class) {
                return s.asText();
            }
            try {
                if (v instanceof String text) {
                    return fromText(text.trim(), type);
                }
                if (v instanceof Number num) {
                    return fromNumber(num, type);
                }
            } catch (ArithmeticException | NumberFormatException e) {
                return null;
            }
            return null;
        }

        private static Object fromText(String text, Class<?> type) {
            if (type == Boolean.class) {
                return text.equalsIgnoreCase("true") ? Boolean.TRUE : text.equalsIgnoreCase("false") ? Boolean.FALSE : null;
            }
            if (type == Integer.class || type == Long.class || type == Short.class || type == BigInteger.class) {
                return fromNumber(new BigInteger(text), type);
            }
            if (type == Double.class || type == Float.class || type == BigDecimal.class) {
                return fromNumber(new BigDecimal(text), type);
            }
            return null;
        }

        private static Object fromNumber(Number num, Class<?> type) {
            BigDecimal d = num instanceof BigDecimal bd ? bd : num instanceof BigInteger bi ? new BigDecimal(bi)
                    : num instanceof Double || num instanceof Float ? BigDecimal.valueOf(num.doubleValue())
                    : BigDecimal.valueOf(num.longValue());
            if (type == Integer.class) {
                return d.intValueExact();
            }
            if (type == Long.class) {
                return d.longValueExact();
            }
            if (type == Short.class) {
                return d.shortValueExact();
            }
            if (type == BigInteger.class) {
                return d.toBigIntegerExact();
            }
            if (type == Double.class) {
                return d.doubleValue();
            }
            if (type == Float.class) {
                return d.floatValue();
            }
            if (type == BigDecimal.class) {
                return d;
            }
            return null;
        }

        private static String describe(ConfigNode n) {
            return n instanceof ConfigScalar s ? "the " + s.typeName() + " " + s : "a " + n.typeName();
        }
    }
}
