package io.configcicd.core.security.crypto;

import io.configcicd.core.model.ConfigList;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.ScalarType;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * Replaces every {@code ENC[...]} string of a tree by its plaintext, in memory, for the commands that need real
 * values (deploy, {@code get --reveal}). Origins, key origins and key order are kept. The values a merge replaced
 * ({@link ConfigNode#overridden()}) stay as written: they are only shown, never used, and may be under a key that is
 * no longer configured. A value that cannot be decrypted fails the whole call with its file:line.
 */
public final class Decryptor {

    private final SecretCipher cipher;

    public Decryptor(SecretCipher cipher) {
        this.cipher = Objects.requireNonNull(cipher, "cipher");
    }

    /**
     * The tree with its encrypted values decrypted; the same instance when it holds none.
     *
     * @throws io.configcicd.core.ConfigCicdException (bad input) naming the file:line of a value that does not
     *                                                decrypt
     */
    public ConfigNode decrypt(ConfigNode tree) {
        if (tree instanceof ConfigMap map) {
            ConfigMap.Builder b = ConfigMap.builder(map.origin());
            boolean changed = false;
            for (var e : map.entries().entrySet()) {
                ConfigNode d = decrypt(e.getValue());
                changed |= d != e.getValue();
                b.put(e.getKey(), d, map.keyOrigin(e.getKey()));
            }
            return changed ? b.build().withOverridden(map.overridden()) : map;
        }
        if (tree instanceof ConfigList list) {
            List<ConfigNode> items = new ArrayList<>(list.size());
            boolean changed = false;
            for (ConfigNode item : list.items()) {
                ConfigNode d = decrypt(item);
                changed |= d != item;
                items.add(d);
            }
            return changed ? new ConfigList(items, list.origin(), list.overridden()) : list;
        }
        ConfigScalar s = (ConfigScalar) tree;
        if (s.type() != ScalarType.STRING || !SecretCipher.isEncrypted((String) s.value())) {
            return s;
        }
        String plain = cipher.decrypt((String) s.value(), s.origin());
        return new ConfigScalar(ScalarType.STRING, plain, plain, s.origin(), s.overridden());
    }
}
