package io.configcicd.core.load.toml;

import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.model.ConfigList;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.Origin;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * The tables of a document while it is being parsed, with TOML's definition rules: a table is defined once,
 * a key once, dotted keys extend only tables they created, inline tables and static arrays are closed.
 * Finished values (scalars, static arrays, inline tables) are stored as {@link ConfigNode}s.
 */
final class TomlTables {

    /** How a table came to exist, which decides what may still add to it. */
    enum Kind { IMPLICIT, HEADER, DOTTED, INLINE }

    /** A table under construction. Entries hold a Table, an ArrayOfTables or a finished ConfigNode. */
    static final class Table {
        final Map<String, Object> entries = new LinkedHashMap<>();
        final Map<String, Origin> keyOrigins = new LinkedHashMap<>();
        Origin origin;
        Kind kind;

        Table(Origin origin, Kind kind) {
            this.origin = origin;
            this.kind = kind;
        }
    }

    /** An array of tables built from [[header]]s. */
    static final class ArrayOfTables {
        final List<Table> items = new ArrayList<>();
        final Origin origin;

        ArrayOfTables(Origin origin) {
            this.origin = origin;
        }
    }

    /** A table and its concrete path (with indexes into arrays of tables). */
    record Position(Table table, ConfigPath path) {
    }

    private TomlTables() {
    }

    /** Steps through one key of a dotted key (not the last) of a key/value pair. */
    static Position dottedStep(TomlReader r, Position at, String key, int keyPos) {
        Object e = at.table.entries.get(key);
        ConfigPath path = at.path.child(key);
        if (e == null) {
            checkDepth(r, keyPos, path);
            Table t = new Table(r.origin(keyPos), Kind.DOTTED);
            at.table.entries.put(key, t);
            at.table.keyOrigins.put(key, r.origin(keyPos));
            return new Position(t, path);
        }
        if (e instanceof Table t && t.kind == Kind.DOTTED) {
            return new Position(t, path);
        }
        throw r.fail(keyPos, "cannot add to '" + path + "' with a dotted key: it " + what(e),
                "add the key under its own [" + path + "] header or where it was first defined");
    }

    /** Stores the value of a key/value pair; a key is defined only once. */
    static void putValue(TomlReader r, Position at, String key, int keyPos, ConfigNode value) {
        if (at.table.entries.containsKey(key)) {
            ConfigPath path = at.path.child(key);
            throw r.fail(keyPos, "key '" + path + "' is defined twice (first at line "
                    + at.table.keyOrigins.get(key).line() + ")", "remove one of the definitions");
        }
        at.table.entries.put(key, value);
        at.table.keyOrigins.put(key, r.origin(keyPos));
    }

    /** Steps through one key (not the last) of a [header] or [[header]]. */
    static Position headerStep(TomlReader r, Position at, String key, int keyPos) {
        Object e = at.table.entries.get(key);
        ConfigPath path = at.path.child(key);
        if (e == null) {
            checkDepth(r, keyPos, path);
            Table t = new Table(r.origin(keyPos), Kind.IMPLICIT);
            at.table.entries.put(key, t);
            at.table.keyOrigins.put(key, r.origin(keyPos));
            return new Position(t, path);
        }
        if (e instanceof Table t) {
            return new Position(t, path);
        }
        if (e instanceof ArrayOfTables a) {
            return new Position(a.items.get(a.items.size() - 1), path.child(a.items.size() - 1));
        }
        throw r.fail(keyPos, "'" + path + "' " + what(e) + ", not a table", "rename one of the keys");
    }

    /** Defines the table named by the last key of a [header]. */
    static Position defineTable(TomlReader r, Position at, String key, int keyPos, Origin headerOrigin) {
        Object e = at.table.entries.get(key);
        ConfigPath path = at.path.child(key);
        if (e == null) {
            checkDepth(r, keyPos, path);
            Table t = new Table(headerOrigin, Kind.HEADER);
            at.table.entries.put(key, t);
            at.table.keyOrigins.put(key, r.origin(keyPos));
            return new Position(t, path);
        }
        if (e instanceof Table t && t.kind == Kind.IMPLICIT) {
            t.kind = Kind.HEADER;
            t.origin = headerOrigin;
            return new Position(t, path);
        }
        throw r.fail(keyPos, "table [" + path + "] is defined twice: it " + what(e)
                + " (line " + at.table.keyOrigins.get(key).line() + ")", "merge the two definitions into one");
    }

    /** Appends a new table to the array of tables named by the last key of a [[header]]. */
    static Position appendTable(TomlReader r, Position at, String key, int keyPos, Origin headerOrigin) {
        Object e = at.table.entries.get(key);
        ConfigPath path = at.path.child(key);
        ArrayOfTables array;
        if (e == null) {
            checkDepth(r, keyPos, path.child(0));
            array = new ArrayOfTables(headerOrigin);
            at.table.entries.put(key, array);
            at.table.keyOrigins.put(key, r.origin(keyPos));
        } else if (e instanceof ArrayOfTables a) {
            array = a;
        } else {
            throw r.fail(keyPos, "cannot append to [[" + path + "]]: it " + what(e)
                    + " (line " + at.table.keyOrigins.get(key).line() + ")", "rename one of the keys");
        }
        Table t = new Table(headerOrigin, Kind.HEADER);
        array.items.add(t);
        return new Position(t, path.child(array.items.size() - 1));
    }

    static void checkDepth(TomlReader r, int offset, ConfigPath path) {
        if (path.size() > r.limits.maxDepth()) {
            throw r.fail(offset, "nesting deeper than " + r.limits.maxDepth() + " levels",
                    "flatten the structure or " + LoadLimits.raise(LoadLimits.MAX_DEPTH));
        }
    }

    private static String what(Object e) {
        if (e instanceof ArrayOfTables) {
            return "is an array of tables";
        }
        if (e instanceof Table t) {
            return switch (t.kind) {
                case HEADER -> "is already defined by a [table] header";
                case DOTTED -> "is already defined by dotted keys";
                case IMPLICIT -> "is a table created by a [sub.table] header";
                case INLINE -> "is an inline table";
            };
        }
        ConfigNode n = (ConfigNode) e;
        if (n instanceof ConfigMap) {
            return "is an inline table, which cannot be extended";
        }
        if (n instanceof ConfigList) {
            return "is a static array, which cannot be extended";
        }
        return "is already " + n.typeNameWithArticle() + " value";
    }

    /** The finished value of a table. */
    static ConfigMap toNode(Table t) {
        ConfigMap.Builder b = ConfigMap.builder(t.origin);
        for (Map.Entry<String, Object> e : t.entries.entrySet()) {
            b.put(e.getKey(), toNode(e.getValue()), t.keyOrigins.get(e.getKey()));
        }
        return b.build();
    }

    private static ConfigNode toNode(Object o) {
        if (o instanceof Table t) {
            return toNode(t);
        }
        if (o instanceof ArrayOfTables a) {
            List<ConfigNode> items = new ArrayList<>(a.items.size());
            for (Table t : a.items) {
                items.add(toNode(t));
            }
            return ConfigList.of(items, a.origin);
        }
        return (ConfigNode) o;
    }
}
