package io.configcicd.core.security.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.Format;
import io.configcicd.core.repo.Codecs;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class RekeyTest {

    private final SecretCipher oldCipher = new SecretCipher(KeyRing.of(SecretKeyMaterial.generate()));
    private final SecretCipher newCipher = new SecretCipher(KeyRing.of(SecretKeyMaterial.generate()));

    private String yaml() {
        return "# Database settings, reviewed by the DBA team\n"
                + "database:\n"
                + "  host: db.internal   # primary\n"
                + "  password: " + oldCipher.encrypt("hunter2-db") + "  # rotated quarterly\n"
                + "\n"
                + "# Provider keys\n"
                + "providers:\n"
                + "  - name: openai\n"
                + "    api_key: \"" + oldCipher.encrypt("sk-openai-123") + "\"\n"
                + "  - name: plain\n"
                + "    token: ${PLAIN_TOKEN}\n"
                + "flow: {secret: '" + oldCipher.encrypt("flow-secret") + "', port: 80}\n";
    }

    private static List<EncryptedValue> encrypted(String text, String file) {
        ConfigNode tree = Codecs.standard().forFile(file).parse(text.getBytes(StandardCharsets.UTF_8), file,
                LoadLimits.DEFAULT);
        return EncryptedValue.findAll(tree);
    }

    @Test
    void everyValueIsReencryptedUnderTheNewKeyAndTheCommentsStay() {
        Rekey.Result r = new Rekey(oldCipher, newCipher).apply(yaml(), Format.YAML, "global/base.yaml");

        assertThat(r.reencrypted()).isEqualTo(3);
        assertThat(r.changed()).isTrue();
        assertThat(r.text()).contains("# Database settings, reviewed by the DBA team\n",
                "  host: db.internal   # primary\n", "  # rotated quarterly\n", "\n# Provider keys\n",
                "    token: ${PLAIN_TOKEN}\n", ", port: 80}");
        List<EncryptedValue> values = encrypted(r.text(), "global/base.yaml");
        assertThat(values).extracting(v -> v.path().toString())
                .containsExactly("database.password", "providers[0].api_key", "flow.secret");
        assertThat(values).extracting(v -> newCipher.decrypt(v.text()))
                .containsExactly("hunter2-db", "sk-openai-123", "flow-secret");
        for (EncryptedValue v : values) {
            assertThat(SecretCipher.keyIdOf(v.text())).isEqualTo(newCipher.keyId());
            assertThatThrownBy(() -> oldCipher.decrypt(v.text())).isInstanceOf(ConfigCicdException.class);
        }
    }

    @Test
    void onlyTheEncryptedValuesChange() {
        String before = yaml();
        String after = new Rekey(oldCipher, newCipher).apply(before, Format.YAML, "a.yaml").text();

        String[] b = before.split("\n", -1);
        String[] a = after.split("\n", -1);
        assertThat(a).hasSameSizeAs(b);
        for (int i = 0; i < b.length; i++) {
            if (!b[i].contains("ENC[")) {
                assertThat(a[i]).isEqualTo(b[i]);
            } else {
                assertThat(a[i]).isNotEqualTo(b[i]);
            }
        }
    }

    @Test
    void valuesAlreadyUnderTheNewKeyAreLeftAloneSoRekeyCanBeRepeated() {
        Rekey rekey = new Rekey(oldCipher, newCipher);
        String once = rekey.apply(yaml(), Format.YAML, "a.yaml").text();

        Rekey.Result again = rekey.apply(once, Format.YAML, "a.yaml");

        assertThat(again.reencrypted()).isZero();
        assertThat(again.alreadyCurrent()).isEqualTo(3);
        assertThat(again.text()).isEqualTo(once);
    }

    @Test
    void jsonAndTomlDocumentsAreRekeyedInPlaceToo() {
        String json = "{\n  \"db\": {\"password\": \"" + oldCipher.encrypt("pw-json") + "\", \"port\": 5432}\n}\n";
        String toml = "# top\n[db]\npassword = \"" + oldCipher.encrypt("pw-toml") + "\" # keep\nport = 5432\n";
        Rekey rekey = new Rekey(oldCipher, newCipher);

        Rekey.Result j = rekey.apply(json, Format.JSON, "a.json");
        Rekey.Result t = rekey.apply(toml, Format.TOML, "a.toml");

        assertThat(j.reencrypted()).isEqualTo(1);
        assertThat(newCipher.decrypt(encrypted(j.text(), "a.json").get(0).text())).isEqualTo("pw-json");
        assertThat(j.text()).contains("\"port\": 5432}");
        assertThat(t.reencrypted()).isEqualTo(1);
        assertThat(newCipher.decrypt(encrypted(t.text(), "a.toml").get(0).text())).isEqualTo("pw-toml");
        assertThat(t.text()).startsWith("# top\n[db]\n").contains("\" # keep\nport = 5432\n");
    }

    @Test
    void aYamlAnchorAndItsAliasesAreRekeyedTogether() {
        String text = "base: &pw " + oldCipher.encrypt("shared-pw") + "  # anchor\nother: *pw\n";

        Rekey.Result r = new Rekey(oldCipher, newCipher).apply(text, Format.YAML, "a.yaml");

        assertThat(r.reencrypted()).isEqualTo(1);
        assertThat(r.text()).startsWith("base: &pw ENC[AES256_GCM,kid:" + newCipher.keyId()).endsWith("  # anchor\nother: *pw\n");
        assertThat(encrypted(r.text(), "a.yaml")).extracting(v -> newCipher.decrypt(v.text()))
                .containsExactly("shared-pw", "shared-pw");
    }

    @Test
    void valuesInsideTomlArraysOfTablesAreRekeyed() {
        String toml = "[[servers]]\nname = \"a\"\ntoken = \"" + oldCipher.encrypt("t1") + "\" # first\n\n"
                + "[[servers]]\nname = \"b\"\ntoken = '" + oldCipher.encrypt("t2") + "'\n";

        Rekey.Result r = new Rekey(oldCipher, newCipher).apply(toml, Format.TOML, "a.toml");

        assertThat(r.reencrypted()).isEqualTo(2);
        assertThat(r.text()).contains("\" # first\n\n[[servers]]\nname = \"b\"\ntoken = '");
        assertThat(encrypted(r.text(), "a.toml")).extracting(v -> newCipher.decrypt(v.text()))
                .containsExactly("t1", "t2");
    }

    @Test
    void aValueCopiedToSeveralPlacesAndIntoACommentIsRekeyedEverywhereItIsAValue() {
        String enc = oldCipher.encrypt("copied");
        String text = "# was: " + enc + "\na:\n  password: " + enc + "\nb:\n  password: " + enc + "\n";

        Rekey.Result r = new Rekey(oldCipher, newCipher).apply(text, Format.YAML, "a.yaml");

        assertThat(r.reencrypted()).isEqualTo(2);
        assertThat(r.text()).startsWith("# was: " + enc + "\n");
        assertThat(encrypted(r.text(), "a.yaml")).extracting(v -> newCipher.decrypt(v.text()))
                .containsExactly("copied", "copied");
    }

    @Test
    void aValueTheOldKeysCannotDecryptFailsTheRekeyNamingItsLine() {
        SecretCipher stranger = new SecretCipher(KeyRing.of(SecretKeyMaterial.generate()));
        String text = "a: 1\nsecret: " + stranger.encrypt("x-value") + "\n";

        assertThatThrownBy(() -> new Rekey(oldCipher, newCipher).apply(text, Format.YAML, "global/a.yaml"))
                .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                    assertThat(e.origin().toString()).startsWith("global/a.yaml:2");
                    assertThat(e.getMessage()).contains(stranger.keyId()).doesNotContain("x-value");
                });
    }

    @Test
    void thePrecheckCountsTheValuesToReencryptAndSkipsThoseAlreadyUnderTheNewKey() {
        Rekey rekey = new Rekey(oldCipher, newCipher);
        String current = "token: " + newCipher.encrypt("already-new") + "\n";

        int count = rekey.precheck(List.of(new Rekey.Document("a.yaml", Format.YAML, yaml()),
                new Rekey.Document("b.yaml", Format.YAML, current)));

        assertThat(count).isEqualTo(3);
    }

    @Test
    void thePrecheckListsEveryValueTheOldKeyCannotOpenAtItsFileAndLine() {
        SecretCipher third = new SecretCipher(KeyRing.of(SecretKeyMaterial.generate()));
        String good = "password: " + oldCipher.encrypt("fine") + "\n";
        String bad = "a: 1\npassword: " + third.encrypt("third-key-secret") + "\ntoken: " + third.encrypt("another") + "\n";

        assertThatThrownBy(() -> new Rekey(oldCipher, newCipher).precheck(List.of(
                new Rekey.Document("global/base.yaml", Format.YAML, good),
                new Rekey.Document("environments/production.yaml", Format.YAML, bad))))
                .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                    assertThat(e.origin().toString()).startsWith("environments/production.yaml:2");
                    assertThat(e.problem()).contains("no file was written", "2 value(s)", third.keyId(),
                            "environments/production.yaml:3").doesNotContain("third-key-secret");
                });
    }
}
