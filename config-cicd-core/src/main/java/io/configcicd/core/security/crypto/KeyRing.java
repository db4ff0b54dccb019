package io.configcicd.core.security.crypto;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * The keys a {@link SecretCipher} works with: the primary key, which encrypts, and optionally older keys, which
 * only decrypt (values are found by the key id written in them). Immutable.
 */
public final class KeyRing {

    private final SecretKeyMaterial primary;
    private final Map<String, SecretKeyMaterial> byId;

    private KeyRing(SecretKeyMaterial primary, List<SecretKeyMaterial> older) {
        this.primary = Objects.requireNonNull(primary, "primary");
        Map<String, SecretKeyMaterial> m = new LinkedHashMap<>();
        m.put(primary.keyId(), primary);
        for (SecretKeyMaterial k : older) {
            m.putIfAbsent(k.keyId(), k);
        }
        this.byId = Map.copyOf(m);
    }

    /** A ring of one key. */
    public static KeyRing of(SecretKeyMaterial primary) {
        return new KeyRing(primary, List.of());
    }

    /** A ring whose primary key encrypts and whose older keys still decrypt. */
    public static KeyRing of(SecretKeyMaterial primary, List<SecretKeyMaterial> older) {
        return new KeyRing(primary, List.copyOf(older));
    }

    /** The key that encrypts. */
    public SecretKeyMaterial primary() {
        return primary;
    }

    /** The key with a key id, if the ring holds it. */
    public Optional<SecretKeyMaterial> find(String keyId) {
        return Optional.ofNullable(byId.get(keyId));
    }

    /** The key ids of the ring, for messages. */
    public List<String> keyIds() {
        return byId.keySet().stream().sorted().toList();
    }

    @Override
    public String toString() {
        return "KeyRing[primary:" + primary.keyId() + ", keys:" + keyIds() + "]";
    }
}
