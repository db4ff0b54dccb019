package io.configcicd.core.security.crypto;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.model.ConfigList;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigNodes;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Origin;
import java.util.List;
import org.junit.jupiter.api.Test;

class DecryptorTest {

    private final SecretCipher cipher = new SecretCipher(KeyRing.of(SecretKeyMaterial.generate()));
    private final Decryptor decryptor = new Decryptor(cipher);

    private static final Origin PW = Origin.of("global/base.yaml", 4, 13);
    private static final Origin KEY = Origin.of("global/base.yaml", 4, 3);

    private ConfigMap tree() {
        ConfigMap db = ConfigMap.builder(Origin.of("global/base.yaml", 2, 1))
                .put("host", ConfigScalar.string("db", Origin.of("global/base.yaml", 3, 9)))
                .put("password", ConfigScalar.string(cipher.encrypt("hunter2"), PW)
                        .withOverridden(List.of(ConfigScalar.string("ENC[old]", Origin.of("global/a.yaml", 1, 1)))),
                        KEY)
                .build();
        ConfigList tokens = ConfigList.of(List.of(ConfigScalar.string(cipher.encrypt("t0k3n"), Origin.of("f", 9, 5)),
                ConfigScalar.integer(5, Origin.of("f", 10, 5))), Origin.of("f", 8, 1));
        return ConfigMap.builder(Origin.UNKNOWN).put("db", db).put("tokens", tokens).build();
    }

    @Test
    void everyEncryptedStringBecomesItsPlaintextWithItsOrigin() {
        ConfigNode out = decryptor.decrypt(tree());

        ConfigScalar pw = (ConfigScalar) ConfigNodes.at(out, ConfigPath.parse("db.password"));
        assertThat(pw.value()).isEqualTo("hunter2");
        assertThat(pw.origin()).isEqualTo(PW);
        assertThat(((ConfigMap) ConfigNodes.at(out, ConfigPath.parse("db"))).keyOrigin("password")).isEqualTo(KEY);
        assertThat(ConfigNodes.at(out, ConfigPath.parse("tokens[0]")).toPlain()).isEqualTo("t0k3n");
        assertThat(ConfigNodes.at(out, ConfigPath.parse("tokens[1]")).toPlain()).isEqualTo(5L);
        assertThat(ConfigNodes.at(out, ConfigPath.parse("db.host")).toPlain()).isEqualTo("db");
    }

    @Test
    void replacedValuesStayAsWritten() {
        ConfigNode pw = ConfigNodes.at(decryptor.decrypt(tree()), ConfigPath.parse("db.password"));

        assertThat(pw.overridden()).extracting(ConfigNode::toPlain).containsExactly("ENC[old]");
    }

    @Test
    void aTreeWithoutEncryptedValuesIsReturnedAsItIs() {
        ConfigMap plain = ConfigMap.builder(Origin.UNKNOWN).put("a", ConfigScalar.string("b", Origin.UNKNOWN)).build();

        assertThat(decryptor.decrypt(plain)).isSameAs(plain);
    }

    @Test
    void aValueThatDoesNotDecryptNamesItsFileAndLine() {
        SecretCipher other = new SecretCipher(KeyRing.of(SecretKeyMaterial.generate()));

        assertThatThrownBy(() -> new Decryptor(other).decrypt(tree()))
                .isInstanceOfSatisfying(ConfigCicdException.class,
                        e -> assertThat(e.getMessage()).startsWith("global/base.yaml:4:13").doesNotContain("hunter2"));
    }

    @Test
    void findAllListsEncryptedValuesInDocumentOrder() {
        assertThat(EncryptedValue.findAll(tree())).extracting(v -> v.path().toString())
                .containsExactly("db.password", "tokens[0]");
    }
}
