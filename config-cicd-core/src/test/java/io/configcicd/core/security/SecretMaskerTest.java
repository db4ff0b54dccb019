package io.configcicd.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigNodes;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Origin;
import io.configcicd.core.repo.Settings;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SecretMaskerTest {

    private final SecretMasker masker = new SecretMasker(Settings.DEFAULT_SECRET_KEYS);

    private static final Origin AT = Origin.of("global/base.yaml", 3, 5);

    @Test
    void keysThatHoldAPatternAsAWholeWordAreSecrets() {
        assertThat(masker.isSecret(ConfigPath.parse("models.model_providers.openai.api_key"))).isTrue();
        assertThat(masker.isSecret(ConfigPath.parse("openai_api_key"))).isTrue();
        assertThat(masker.isSecret(ConfigPath.parse("database.db_password"))).isTrue();
        assertThat(masker.isSecret(ConfigPath.parse("auth.secret_token"))).isTrue();
        assertThat(masker.isSecret(ConfigPath.parse("auth.clientSecret"))).isTrue();
        assertThat(masker.isSecret(ConfigPath.parse("DB_PASSWORD"))).isTrue();
    }

    @Test
    void ordinaryKeysAreNotSecrets() {
        assertThat(masker.isSecret(ConfigPath.parse("kgot.num_next_steps_decision"))).isFalse();
        assertThat(masker.isSecret(ConfigPath.parse("models.model_providers.openai.base_url"))).isFalse();
        assertThat(masker.isSecret(ConfigPath.parse("models.openai.max_tokens"))).isFalse();
        assertThat(masker.isSecret(ConfigPath.parse("nlp.tokenizer"))).isFalse();
        assertThat(masker.isSecret(ConfigPath.root())).isFalse();
    }

    @Test
    void everythingUnderASecretKeyIsSecret() {
        assertThat(masker.isSecret(ConfigPath.parse("cloud.credentials.user"))).isTrue();
        assertThat(masker.isSecret(ConfigPath.parse("secret.values[0]"))).isTrue();
    }

    @Test
    void theKeyPatternsComeFromTheSettings() {
        SecretMasker custom = new SecretMasker(List.of("PIN"));
        assertThat(custom.isSecret(ConfigPath.parse("card.pin"))).isTrue();
        assertThat(custom.isSecret(ConfigPath.parse("card.password"))).isFalse();
    }

    @Test
    void anExclusionTakesOutTheKeyOfExactlyThatNameAndNothingMore() {
        SecretMasker excluding = new SecretMasker(List.of("token", "password", "!token_ttl", " ! Password-Hint "));

        assertThat(excluding.isSecretKey("token_ttl")).isFalse();
        assertThat(excluding.isSecretKey("tokenTtl")).isFalse();
        assertThat(excluding.isSecretKey("refresh_token_ttl")).isTrue();
        assertThat(excluding.isSecretKey("password_hint")).isFalse();
        assertThat(excluding.isSecretKey("token")).isTrue();
        assertThat(excluding.isSecretKey("access_token")).isTrue();
        assertThat(excluding.isSecretKey("token_ttl_secret")).isTrue();
        assertThat(masker.isSecretKey("token_ttl")).isTrue();
    }

    @Test
    void theSettingsFileGivesExclusionsAfterTheKeys() {
        Settings settings = Settings.from((io.configcicd.core.model.ConfigMap) io.configcicd.core.repo.Codecs.standard()
                .of(io.configcicd.core.model.Format.YAML).parse("secrets:\n  exclude: [token_ttl]\n"
                        .getBytes(java.nio.charset.StandardCharsets.UTF_8), "config-cicd.yaml",
                        io.configcicd.core.load.LoadLimits.DEFAULT));

        assertThat(settings.secretKeys()).startsWith(Settings.DEFAULT_SECRET_KEYS.toArray(String[]::new))
                .endsWith("!token_ttl");
        assertThat(new SecretMasker(settings.secretKeys()).isSecretKey("token_ttl")).isFalse();
        assertThat(new SecretMasker(settings.secretKeys()).isSecretKey("api_token")).isTrue();
    }

    @Test
    void aKeyWithDigitsIsASecretWhenItsWordsAre() {
        assertThat(masker.isSecretKey("password2")).isTrue();
        assertThat(masker.isSecretKey("token1")).isTrue();
        assertThat(masker.isSecretKey("oauth2Token")).isTrue();
        assertThat(masker.isSecretKey("db2_password")).isTrue();
        assertThat(masker.isSecretKey("API_KEY_2")).isTrue();
        assertThat(masker.isSecretKey("tokens2")).isFalse();
        assertThat(masker.isSecretKey("port8080")).isFalse();
    }

    @Test
    void masksLiteralSecretsAndKeepsEverythingElse() {
        Map<String, Object> db = new LinkedHashMap<>();
        db.put("user", "neo4j");
        db.put("password", "hunter2");
        db.put("port", 7687);
        ConfigNode masked = masker.mask(tree(Map.of("database", db)));

        assertThat(masked.toPlain()).isEqualTo(Map.of("database",
                Map.of("user", "neo4j", "password", SecretMasker.MASK, "port", 7687L)));
    }

    @Test
    void aPureReferenceIsShownAsWritten() {
        ConfigNode masked = masker.mask(tree(Map.of("openai", Map.of("api_key", "${OPENAI_API_KEY}"))));

        assertThat(masked.toPlain()).isEqualTo(Map.of("openai", Map.of("api_key", "${OPENAI_API_KEY}")));
    }

    @Test
    void aReferenceWithADefaultOrWithOtherTextIsMasked() {
        Map<String, Object> doc = new LinkedHashMap<>();
        doc.put("password", "${NEO4J_PASSWORD:-neo4j-dev}");
        doc.put("token", "Bearer ${TOKEN}");
        doc.put("secret", "ENC[AES256_GCM,data:abc]");

        assertThat(masker.mask(tree(doc)).toPlain()).isEqualTo(
                Map.of("password", SecretMasker.MASK, "token", SecretMasker.MASK, "secret", SecretMasker.MASK));
    }

    @Test
    void masksEveryValueUnderASecretKeyAndKeepsNulls() {
        Map<String, Object> creds = new LinkedHashMap<>();
        creds.put("user", "deploy");
        creds.put("keys", List.of("k1", "k2"));
        creds.put("unused", null);
        ConfigNode masked = masker.mask(tree(Map.of("credentials", creds)));

        Map<String, Object> expected = new LinkedHashMap<>();
        expected.put("user", SecretMasker.MASK);
        expected.put("keys", List.of(SecretMasker.MASK, SecretMasker.MASK));
        expected.put("unused", null);
        assertThat(masked.toPlain()).isEqualTo(Map.of("credentials", expected));
    }

    @Test
    void masksANodeTakenFromASecretPathAndItsHistory() {
        ConfigScalar old = ConfigScalar.string("old-password", Origin.of("global/base.yaml", 4, 13));
        ConfigScalar current = ConfigScalar.string("new-password", AT).withOverridden(List.of(old));

        ConfigNode masked = masker.mask(ConfigPath.parse("database.password"), current);

        assertThat(masked.toPlain()).isEqualTo(SecretMasker.MASK);
        assertThat(masked.origin()).isEqualTo(AT);
        assertThat(masked.overridden()).singleElement().satisfies(o -> {
            assertThat(o.toPlain()).isEqualTo(SecretMasker.MASK);
            assertThat(o.origin()).isEqualTo(old.origin());
        });
    }

    @Test
    void aNodeFromAnOrdinaryPathIsUnchanged() {
        ConfigScalar value = ConfigScalar.integer(5, AT);

        assertThat(masker.mask(ConfigPath.parse("kgot.num_next_steps_decision"), value)).isSameAs(value);
    }

    @Test
    void maskingKeepsKeyOrderAndOrigins() {
        ConfigMap root = ConfigMap.builder(AT)
                .put("b_token", ConfigScalar.string("t", Origin.of("f.yaml", 1, 10)), Origin.of("f.yaml", 1, 1))
                .put("a", ConfigScalar.integer(1, Origin.of("f.yaml", 2, 4)), Origin.of("f.yaml", 2, 1))
                .build();

        ConfigMap masked = (ConfigMap) masker.mask(root);

        assertThat(masked.entries().keySet()).containsExactly("b_token", "a");
        assertThat(masked.keyOrigin("b_token")).isEqualTo(Origin.of("f.yaml", 1, 1));
        assertThat(masked.getOrNull("b_token").origin()).isEqualTo(Origin.of("f.yaml", 1, 10));
    }

    private static ConfigNode tree(Map<String, ?> plain) {
        return ConfigNodes.fromPlain(plain, AT);
    }
}
