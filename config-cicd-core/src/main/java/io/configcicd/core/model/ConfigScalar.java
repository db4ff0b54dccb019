package io.configcicd.core.model;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Objects;

/**
 * A scalar value. The Java type of {@link #value()} follows {@link #type()}: String, Long or BigInteger,
 * Double or BigDecimal, Boolean, {@code null}, OffsetDateTime, LocalDateTime, LocalDate, LocalTime.
 * For temporal values {@link #text()} keeps the text as written (TOML keeps precision that way).
 *
 * <p>{@link #unquoted()} marks a string that a YAML file wrote without quotes (a plain scalar, set by the YAML
 * loader): YAML 1.2 made it a string, where a YAML 1.1 reader may make {@code yes} or {@code off} a boolean. A
 * quoted YAML string, and every string of JSON, TOML or the API, is not marked.
 */
public record ConfigScalar(ScalarType type, Object value, String text, Origin origin, List<ConfigNode> overridden,
                           boolean unquoted) implements ConfigNode {

    public ConfigScalar {
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(origin, "origin");
        overridden = List.copyOf(overridden);
        if (type == ScalarType.NULL ? value != null : value == null) {
            throw new IllegalArgumentException("value does not match type " + type);
        }
        if (unquoted && type != ScalarType.STRING) {
            throw new IllegalArgumentException("only a string can be marked unquoted, this is of type " + type.word());
        }
        if (text == null) {
            text = value == null ? "null" : value.toString();
        }
    }

    /** A scalar that is not an unquoted YAML string. */
    public ConfigScalar(ScalarType type, Object value, String text, Origin origin, List<ConfigNode> overridden) {
        this(type, value, text, origin, overridden, false);
    }

    public static ConfigScalar string(String value, Origin origin) {
        return new ConfigScalar(ScalarType.STRING, value, value, origin, List.of());
    }

    public static ConfigScalar integer(long value, Origin origin) {
        return new ConfigScalar(ScalarType.INTEGER, value, null, origin, List.of());
    }

    public static ConfigScalar integer(BigInteger value, Origin origin) {
        Object v = value.bitLength() < 64 ? (Object) value.longValue() : value;
        return new ConfigScalar(ScalarType.INTEGER, v, null, origin, List.of());
    }

    public static ConfigScalar floating(double value, Origin origin) {
        return new ConfigScalar(ScalarType.FLOAT, value, null, origin, List.of());
    }

    public static ConfigScalar decimal(BigDecimal value, Origin origin) {
        return new ConfigScalar(ScalarType.FLOAT, value, null, origin, List.of());
    }

    public static ConfigScalar bool(boolean value, Origin origin) {
        return new ConfigScalar(ScalarType.BOOLEAN, value, null, origin, List.of());
    }

    public static ConfigScalar nullValue(Origin origin) {
        return new ConfigScalar(ScalarType.NULL, null, "null", origin, List.of());
    }

    public static ConfigScalar temporal(Object value, String text, Origin origin) {
        ScalarType type;
        if (value instanceof OffsetDateTime) {
            type = ScalarType.OFFSET_DATETIME;
        } else if (value instanceof LocalDateTime) {
            type = ScalarType.LOCAL_DATETIME;
        } else if (value instanceof LocalDate) {
            type = ScalarType.LOCAL_DATE;
        } else if (value instanceof LocalTime) {
            type = ScalarType.LOCAL_TIME;
        } else {
            throw new IllegalArgumentException("not a temporal value: " + value);
        }
        return new ConfigScalar(type, value, text, origin, List.of());
    }

    /** A scalar from a plain Java value (String, Number, Boolean, java.time value or null). */
    public static ConfigScalar of(Object value, Origin origin) {
        if (value == null) {
            return nullValue(origin);
        }
        if (value instanceof String s) {
            return string(s, origin);
        }
        if (value instanceof Boolean b) {
            return bool(b, origin);
        }
        if (value instanceof Integer || value instanceof Long || value instanceof Short || value instanceof Byte) {
            return integer(((Number) value).longValue(), origin);
        }
        if (value instanceof BigInteger b) {
            return integer(b, origin);
        }
        if (value instanceof Double || value instanceof Float) {
            return floating(((Number) value).doubleValue(), origin);
        }
        if (value instanceof BigDecimal d) {
            return decimal(d, origin);
        }
        return temporal(value, value.toString(), origin);
    }

    @Override
    public ConfigScalar withOverridden(List<ConfigNode> overridden) {
        return new ConfigScalar(type, value, text, origin, overridden, unquoted);
    }

    /** This string marked as written without quotes in a YAML file (see {@link #unquoted()}). */
    public ConfigScalar asUnquoted() {
        return new ConfigScalar(type, value, text, origin, overridden, true);
    }

    @Override
    public Object toPlain() {
        return value;
    }

    @Override
    public String typeName() {
        return type.word();
    }

    /** The value as a user reads it: the string itself, numbers and booleans as written by Java. */
    public String asText() {
        return type == ScalarType.STRING ? (String) value : text;
    }

    @Override
    public boolean sameValue(ConfigNode other) {
        if (!(other instanceof ConfigScalar s) || s.type != type) {
            return false;
        }
        if (type == ScalarType.FLOAT && value instanceof Double a && s.value instanceof Double b) {
            return Double.compare(a, b) == 0;
        }
        return Objects.equals(value, s.value);
    }

    @Override
    public String toString() {
        return type == ScalarType.STRING ? '"' + (String) value + '"' : text;
    }
}
