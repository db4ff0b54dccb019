package io.configcicd.core.security.external;

import io.configcicd.core.ConfigCicdException;
import java.util.Optional;

/**
 * The text of an external reference after its scheme: {@code PATH} or {@code PATH#KEY}. The path ends at the
 * first {@code #}; everything after it is the key.
 */
record SecretReference(String scheme, String path, Optional<String> key) {

    static SecretReference parse(String scheme, String reference) {
        int hash = reference.indexOf('#');
        String path = (hash < 0 ? reference : reference.substring(0, hash)).trim();
        Optional<String> key = hash < 0 ? Optional.empty() : Optional.of(reference.substring(hash + 1).trim());
        if (path.isEmpty() || key.map(String::isEmpty).orElse(false)) {
            throw ConfigCicdException.badInput("malformed external secret reference ${" + scheme + ":" + reference + "}",
                    "write ${" + scheme + ":PATH#KEY}");
        }
        return new SecretReference(scheme, path, key);
    }

    /** The reference as written, for messages: it names where the secret lives and holds none. */
    String display() {
        return "${" + scheme + ":" + path + key.map(k -> "#" + k).orElse("") + "}";
    }
}
