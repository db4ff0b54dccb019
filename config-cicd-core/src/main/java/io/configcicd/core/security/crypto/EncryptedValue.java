package io.configcicd.core.security.crypto;

import io.configcicd.core.model.ConfigList;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.ScalarType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * An {@code ENC[...]} string found in a tree, with where it sits.
 *
 * @param path   its path in the tree
 * @param scalar the scalar holding it (its origin names file:line)
 */
public record EncryptedValue(ConfigPath path, ConfigScalar scalar) {

    public EncryptedValue {
        Objects.requireNonNull(path, "path");
        Objects.requireNonNull(scalar, "scalar");
    }

    /** The encrypted text. */
    public String text() {
        return (String) scalar.value();
    }

    /** Every encrypted value of a tree in document order (values replaced during a merge are not included). */
    public static List<EncryptedValue> findAll(ConfigNode tree) {
        List<EncryptedValue> out = new ArrayList<>();
        collect(tree, ConfigPath.root(), out);
        return List.copyOf(out);
    }

    private static void collect(ConfigNode node, ConfigPath path, List<EncryptedValue> out) {
        if (node instanceof ConfigMap m) {
            m.entries().forEach((k, v) -> collect(v, path.child(k), out));
        } else if (node instanceof ConfigList l) {
            for (int i = 0; i < l.size(); i++) {
                collect(l.get(i), path.child(i), out);
            }
        } else if (node instanceof ConfigScalar s && s.type() == ScalarType.STRING
                && SecretCipher.isEncrypted((String) s.value())) {
            out.add(new EncryptedValue(path, s));
        }
    }
}
