package io.configcicd.core.security.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Origin;
import io.configcicd.core.repo.Codecs;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

class SecretCipherTest {

    private static final String SECRET = "s3cr\"et \\ pässwörd ✓ 🔑";

    private final SecretKeyMaterial key = SecretKeyMaterial.generate();
    private final SecretCipher cipher = new SecretCipher(KeyRing.of(key));

    @Test
    void decryptingWhatWasEncryptedGivesTheSameTextBack() {
        assertThat(cipher.decrypt(cipher.encrypt(SECRET))).isEqualTo(SECRET);
        assertThat(cipher.decrypt(cipher.encrypt(""))).isEmpty();
    }

    @Test
    void encryptedTextFollowsTheDocumentedFormatAndHidesThePlaintext() {
        String enc = cipher.encrypt(SECRET);

        assertThat(enc).matches("ENC\\[AES256_GCM,kid:[0-9a-f]{8},iv:[A-Za-z0-9+/]{16},data:[A-Za-z0-9+/]+=*]")
                .startsWith("ENC[AES256_GCM,kid:" + key.keyId() + ",")
                .doesNotContain("pässwörd").doesNotContain(" ");
        assertThat(SecretCipher.isEncrypted(enc)).isTrue();
        assertThat(SecretCipher.keyIdOf(enc)).isEqualTo(key.keyId());
        String data = enc.substring(enc.indexOf(",data:") + 6, enc.length() - 1);
        assertThat(Base64.getDecoder().decode(data)).hasSize(SECRET.getBytes(StandardCharsets.UTF_8).length + 16);
    }

    @Test
    void encryptedTextIsAPlainYamlScalar() {
        String enc = cipher.encrypt(SECRET);
        ConfigMap doc = (ConfigMap) Codecs.standard().forFile("a.yaml")
                .parse(("db:\n  password: " + enc + "\n").getBytes(StandardCharsets.UTF_8), "a.yaml", LoadLimits.DEFAULT);

        ConfigScalar read = (ConfigScalar) ((ConfigMap) doc.getOrNull("db")).getOrNull("password");
        assertThat(read.value()).isEqualTo(enc);
    }

    @Test
    void twoEncryptionsOfOneValueDifferBecauseOfTheNonce() {
        String a = cipher.encrypt(SECRET);
        String b = cipher.encrypt(SECRET);

        assertThat(a).isNotEqualTo(b);
        assertThat(a.substring(a.indexOf(",iv:"), a.indexOf(",data:")))
                .isNotEqualTo(b.substring(b.indexOf(",iv:"), b.indexOf(",data:")));
    }

    @Test
    void anotherKeyNamesTheKeyIdItNeedsAndNotThePlaintext() {
        String enc = cipher.encrypt(SECRET);
        SecretCipher other = new SecretCipher(KeyRing.of(SecretKeyMaterial.generate()));

        assertThatThrownBy(() -> other.decrypt(enc, Origin.of("global/base.yaml", 7, 13)))
                .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
                    assertThat(e.getMessage()).startsWith("global/base.yaml:7:13")
                            .contains("key id " + key.keyId()).contains(other.keyId())
                            .doesNotContain("pässwörd");
                    assertThat(e.hint()).contains("CONFIG_CICD_KEY").contains(key.keyId());
                });
        assertThat(other.canDecrypt(enc)).isFalse();
        assertThat(cipher.canDecrypt(enc)).isTrue();
    }

    @Test
    void alteredCiphertextIsRejectedAsWrongKeyOrAlteredValue() {
        String enc = cipher.encrypt(SECRET);
        int at = enc.indexOf(",data:") + 8;
        char flipped = enc.charAt(at) == 'A' ? 'B' : 'A';
        String altered = enc.substring(0, at) + flipped + enc.substring(at + 1);

        assertThatThrownBy(() -> cipher.decrypt(altered))
                .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
                    assertThat(e.getMessage()).contains("cannot decrypt").contains("wrong key or altered value")
                            .doesNotContain("pässwörd");
                });
    }

    @Test
    void relabellingAValueWithAnotherKeyIdOfTheRingDoesNotDecryptIt() {
        SecretKeyMaterial second = SecretKeyMaterial.generate();
        SecretCipher both = new SecretCipher(KeyRing.of(key, List.of(second)));
        String enc = both.encrypt(SECRET);
        String relabelled = enc.replace("kid:" + key.keyId(), "kid:" + second.keyId());

        assertThat(both.decrypt(enc)).isEqualTo(SECRET);
        assertThatThrownBy(() -> both.decrypt(relabelled)).isInstanceOf(ConfigCicdException.class)
                .hasMessageContaining("wrong key or altered value");
    }

    @Test
    void anyAesGcmImplementationDecryptsTheFormatWithTheHeaderAsAssociatedData() throws Exception {
        byte[] raw = new byte[32];
        raw[0] = 42;
        SecretKeyMaterial k = SecretKeyMaterial.of(raw);
        String enc = new SecretCipher(KeyRing.of(k)).encrypt(SECRET);
        String[] parts = enc.substring(4, enc.length() - 1).split(",");
        byte[] iv = Base64.getDecoder().decode(parts[2].substring(3));
        byte[] data = Base64.getDecoder().decode(parts[3].substring(5));

        Cipher c = Cipher.getInstance("AES/GCM/NoPadding");
        c.init(Cipher.DECRYPT_MODE, new SecretKeySpec(raw, "AES"), new GCMParameterSpec(128, iv));
        c.updateAAD(("AES256_GCM,kid:" + k.keyId()).getBytes(StandardCharsets.US_ASCII));
        assertThat(new String(c.doFinal(data), StandardCharsets.UTF_8)).isEqualTo(SECRET);

        Cipher noAad = Cipher.getInstance("AES/GCM/NoPadding");
        noAad.init(Cipher.DECRYPT_MODE, new SecretKeySpec(raw, "AES"), new GCMParameterSpec(128, iv));
        assertThatThrownBy(() -> noAad.doFinal(data)).isInstanceOf(AEADBadTagException.class);
    }

    @Test
    void olderKeysOfTheRingStillDecryptWhileThePrimaryEncrypts() {
        String old = cipher.encrypt(SECRET);
        SecretKeyMaterial newKey = SecretKeyMaterial.generate();
        SecretCipher ring = new SecretCipher(KeyRing.of(newKey, List.of(key)));

        assertThat(ring.decrypt(old)).isEqualTo(SECRET);
        assertThat(SecretCipher.keyIdOf(ring.encrypt(SECRET))).isEqualTo(newKey.keyId());
    }

    @Test
    void malformedEncryptedTextIsBadInput() {
        for (String bad : List.of("ENC[AES256_GCM,data:3q2+7w==,iv:AAAA,tag:BBBB]", "ENC[]",
                "ENC[AES256_GCM,kid:" + key.keyId() + ",iv:AAAAAAAAAAAAAAAA,data:AAAA]")) {
            assertThatThrownBy(() -> cipher.decrypt(bad)).isInstanceOfSatisfying(ConfigCicdException.class,
                    e -> assertThat(e.getMessage()).contains("malformed encrypted value"));
        }
        assertThatThrownBy(() -> SecretCipher.keyIdOf("plain")).isInstanceOf(ConfigCicdException.class);
    }

    @Test
    void onlyTextInEncBracketsIsEncrypted() {
        assertThat(SecretCipher.isEncrypted("ENC[x]")).isTrue();
        assertThat(SecretCipher.isEncrypted("${DB_PASSWORD}")).isFalse();
        assertThat(SecretCipher.isEncrypted("ENC[unterminated")).isFalse();
        assertThat(SecretCipher.isEncrypted(null)).isFalse();
    }

    @Test
    void describingACipherOrKeyNeverShowsTheKeyBytes() {
        assertThat(key.toString()).contains(key.keyId()).doesNotContain(key.toBase64());
        assertThat(cipher.toString()).doesNotContain(key.toBase64());
    }
}
