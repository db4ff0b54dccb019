package io.configcicd.core.security.crypto;

import static io.configcicd.core.security.crypto.SecretChange.ADDED;
import static io.configcicd.core.security.crypto.SecretChange.REMOVED;
import static io.configcicd.core.security.crypto.SecretChange.ROTATED;
import static io.configcicd.core.security.crypto.SecretChange.UNCHANGED;
import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class SecretFingerprintTest {

    private final SecretCipher cipher = new SecretCipher(KeyRing.of(SecretKeyMaterial.generate()));
    private final SecretFingerprint keyed = SecretFingerprint.keyed(cipher);
    private final SecretFingerprint salted = SecretFingerprint.salted("repo-salt".getBytes(StandardCharsets.UTF_8));

    @Test
    void presenceDecidesAddedAndRemoved() {
        assertThat(SecretFingerprint.compare(Optional.empty(), Optional.of("a-secret"), keyed)).isEqualTo(ADDED);
        assertThat(SecretFingerprint.compare(Optional.of("a-secret"), Optional.empty(), keyed)).isEqualTo(REMOVED);
        assertThat(SecretFingerprint.compare(Optional.empty(), Optional.empty(), keyed)).isEqualTo(UNCHANGED);
    }

    @Test
    void equalValuesAreUnchangedAndDifferentOnesRotated() {
        assertThat(SecretFingerprint.compare(Optional.of("a-secret"), Optional.of("a-secret"), salted))
                .isEqualTo(UNCHANGED);
        assertThat(SecretFingerprint.compare(Optional.of("a-secret"), Optional.of("b-secret"), salted))
                .isEqualTo(ROTATED);
    }

    @Test
    void withTheKeyAReencryptionOfTheSameValueIsUnchanged() {
        String a = cipher.encrypt("hunter2");
        String b = cipher.encrypt("hunter2");

        assertThat(SecretFingerprint.compare(Optional.of(a), Optional.of(b), keyed)).isEqualTo(UNCHANGED);
        assertThat(SecretFingerprint.compare(Optional.of(a), Optional.of("hunter2"), keyed)).isEqualTo(UNCHANGED);
        assertThat(SecretFingerprint.compare(Optional.of(a), Optional.of(cipher.encrypt("hunter3")), keyed))
                .isEqualTo(ROTATED);
    }

    @Test
    void withoutTheKeyAReencryptionLooksLikeARotation() {
        String a = cipher.encrypt("hunter2");
        String b = cipher.encrypt("hunter2");

        assertThat(SecretFingerprint.compare(Optional.of(a), Optional.of(b), salted)).isEqualTo(ROTATED);
        assertThat(salted.decrypts()).isFalse();
        assertThat(keyed.decrypts()).isTrue();
    }

    @Test
    void aFingerprintIsSixteenHexDigitsThatDependOnTheKey() throws Exception {
        String fp = keyed.of("hunter2");
        String plainHash = HexFormat.of().formatHex(
                MessageDigest.getInstance("SHA-256").digest("hunter2".getBytes(StandardCharsets.UTF_8))).substring(0, 16);

        assertThat(fp).matches("[0-9a-f]{16}").isEqualTo(keyed.of("hunter2")).isNotEqualTo(plainHash);
        assertThat(SecretFingerprint.keyed(new SecretCipher(KeyRing.of(SecretKeyMaterial.generate()))).of("hunter2"))
                .isNotEqualTo(fp);
        assertThat(salted.of("hunter2")).isNotEqualTo(fp)
                .isNotEqualTo(SecretFingerprint.salted(new byte[] {1}).of("hunter2"));
    }

    @Test
    void anEncryptedValueTheKeyCannotReadIsComparedAsWritten() {
        SecretCipher other = new SecretCipher(KeyRing.of(SecretKeyMaterial.generate()));
        String foreign = other.encrypt("x");

        assertThat(keyed.of(foreign)).isEqualTo(keyed.of(foreign));
        assertThat(SecretFingerprint.compare(Optional.of(foreign), Optional.of(other.encrypt("x")), keyed))
                .isEqualTo(ROTATED);
    }

    @Test
    void changesHaveTheWordsOfTheReport() {
        assertThat(SecretChange.values()).extracting(SecretChange::word)
                .containsExactly("added", "removed", "rotated", "unchanged");
    }
}
