package io.configcicd.core.security.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class KeyLoaderTest {

    @TempDir
    Path dir;

    private static byte[] keyBytes() {
        byte[] k = new byte[32];
        for (int i = 0; i < k.length; i++) {
            k[i] = (byte) (i * 7 + 1);
        }
        return k;
    }

    @Test
    void keyComesFromTheEnvironmentWithItsKeyIdFromSha256() throws Exception {
        String b64 = Base64.getEncoder().encodeToString(keyBytes());

        KeyRing ring = KeyLoader.load(Map.of("CONFIG_CICD_KEY", b64), Optional.empty()).orElseThrow();

        String expected = HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(keyBytes())).substring(0, 8);
        assertThat(ring.primary().keyId()).isEqualTo(expected);
        assertThat(ring.primary().toBase64()).isEqualTo(b64);
    }

    @Test
    void keyComesFromAFileWithATrailingNewline() throws Exception {
        Path file = dir.resolve("config-cicd.key");
        Files.writeString(file, Base64.getEncoder().encodeToString(keyBytes()) + "\n", StandardCharsets.UTF_8);

        SecretKeyMaterial key = KeyLoader.fromFile(file);

        assertThat(key).isEqualTo(SecretKeyMaterial.of(keyBytes()));
    }

    @Test
    void anExplicitKeyFileWinsOverTheEnvironment() throws Exception {
        SecretKeyMaterial inFile = SecretKeyMaterial.generate();
        Path file = dir.resolve("k");
        Files.writeString(file, inFile.toBase64());

        KeyRing ring = KeyLoader.require(Map.of("CONFIG_CICD_KEY", SecretKeyMaterial.generate().toBase64()),
                Optional.of(file));

        assertThat(ring.primary()).isEqualTo(inFile);
    }

    @Test
    void urlSafeBase64WithoutPaddingIsAccepted() {
        String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(new byte[32]).replace('A', '_');

        assertThat(KeyLoader.fromBase64(urlSafe, "CONFIG_CICD_KEY").keyId()).hasSize(8);
    }

    @Test
    void noKeyIsEmptyAndCommandsThatNeedOneSayHowToGiveIt() {
        assertThat(KeyLoader.load(Map.of(), Optional.empty())).isEmpty();
        assertThat(KeyLoader.load(Map.of("CONFIG_CICD_KEY", "  "), Optional.empty())).isEmpty();
        assertThatThrownBy(() -> KeyLoader.require(Map.of(), Optional.empty()))
                .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
                    assertThat(e.getMessage()).contains("CONFIG_CICD_KEY").contains("--key-file")
                            .contains("openssl rand -base64 32");
                });
    }

    @Test
    void aKeyOfTheWrongLengthIsBadInputWithTheHintAndWithoutTheKeyText() {
        String shortKey = Base64.getEncoder().encodeToString("sixteen byte key".getBytes(StandardCharsets.UTF_8));

        assertThatThrownBy(() -> KeyLoader.load(Map.of("CONFIG_CICD_KEY", shortKey), Optional.empty()))
                .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
                    assertThat(e.getMessage()).contains("CONFIG_CICD_KEY").contains("16 bytes").contains("32")
                            .contains("openssl rand -base64 32").doesNotContain(shortKey);
                });
    }

    @Test
    void textThatIsNotBase64IsBadInputWithTheHint() {
        assertThatThrownBy(() -> KeyLoader.fromEnvironment(Map.of("CONFIG_CICD_KEY", "not a key!")))
                .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
                    assertThat(e.getMessage()).contains("not base64").contains("openssl rand -base64 32")
                            .doesNotContain("not a key!");
                });
    }

    @Test
    void aMissingKeyFileIsBadInputNamingIt() {
        Path missing = dir.resolve("nope.key");

        assertThatThrownBy(() -> KeyLoader.load(Map.of(), Optional.of(missing)))
                .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
                    assertThat(e.getMessage()).contains(missing.toString()).contains("does not exist");
                });
    }

    @Test
    void aGeneratedKeyReadsBackFromItsBase64() {
        SecretKeyMaterial k = SecretKeyMaterial.generate();

        assertThat(KeyLoader.fromBase64(k.toBase64(), "x")).isEqualTo(k);
        assertThat(SecretKeyMaterial.generate()).isNotEqualTo(k);
    }
}
