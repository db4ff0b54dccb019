package io.configcicd.core.model;

import java.util.List;

/**
 * One value of a configuration tree. Every node knows where it was written ({@link #origin()}) and,
 * after a merge, the values it replaced ({@link #overridden()}, most recent first). Nodes are immutable.
 */
public sealed interface ConfigNode permits ConfigMap, ConfigList, ConfigScalar {

    Origin origin();

    /** The values this one replaced during merging, the most recently replaced first; empty when none. */
    List<ConfigNode> overridden();

    /** The same value with another history of replaced values. */
    ConfigNode withOverridden(List<ConfigNode> overridden);

    /** The same value without its history, as stored in one document. */
    default ConfigNode withoutHistory() {
        return overridden().isEmpty() ? this : withOverridden(List.of());
    }

    /** Plain Java form: {@code Map<String,Object>} (ordered), {@code List<Object>}, scalars, {@code null}. */
    Object toPlain();

    /** A short word for messages: mapping, list, string, integer, ... */
    String typeName();

    /** {@link #typeName()} with its indefinite article, for messages: "an integer", "a mapping". */
    default String typeNameWithArticle() {
        String word = typeName();
        return ("aeiou".indexOf(word.charAt(0)) >= 0 ? "an " : "a ") + word;
    }

    /** Structural equality of values, ignoring origins and history. */
    boolean sameValue(ConfigNode other);

    default boolean isNull() {
        return this instanceof ConfigScalar s && s.type() == ScalarType.NULL;
    }
}
