package io.configcicd.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Origin;
import io.configcicd.core.repo.Settings;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.core.json.JsonWriteFeature;
import tools.jackson.databind.json.JsonMapper;

class OutputMaskerTest {

    private static final String SECRET = "p@ss \"wörd\" \\ ✓ 🔑/+?&=";
    private static final Origin AT = Origin.of("global/base.yaml", 2, 3);

    private final SecretMasker secrets = new SecretMasker(Settings.DEFAULT_SECRET_KEYS);

    private OutputMasker masker(String... values) {
        OutputMasker.Builder b = OutputMasker.builder(secrets);
        for (String v : values) {
            b.addValue(v);
        }
        return b.build();
    }

    private static byte[] utf8(String s) {
        return s.getBytes(StandardCharsets.UTF_8);
    }

    @Test
    void theSecretAsWrittenIsMasked() {
        assertThat(masker(SECRET).mask("password=" + SECRET + "; done")).isEqualTo("password=******; done");
    }

    @Test
    void base64FormsAreMasked() {
        OutputMasker m = masker(SECRET);
        for (Base64.Encoder e : List.of(Base64.getEncoder(), Base64.getUrlEncoder(),
                Base64.getEncoder().withoutPadding(), Base64.getUrlEncoder().withoutPadding())) {
            String encoded = e.encodeToString(utf8(SECRET));
            assertThat(m.mask("value: " + encoded + " end")).as(encoded).doesNotContain(encoded)
                    .startsWith("value: ******").endsWith(" end");
        }
    }

    @Test
    void aSecretInsideALongerBase64TextIsMaskedAtEveryAlignment() {
        String secret = "correct-horse-battery";
        OutputMasker m = masker(secret);
        for (String user : List.of("ab:", "abc:", "abcd:")) {
            for (String after : List.of("", "!", "!?", "!?#")) {
                String header = Base64.getEncoder().encodeToString(utf8(user + secret + after));
                String masked = m.mask("Authorization: Basic " + header);
                assertThat(masked).as(user + "|" + after).contains("******");
                String remaining = masked.replace("Authorization: Basic ", "").replace("******", "");
                assertThat(remaining.length()).as(user + "|" + after).isLessThanOrEqualTo(user.length() * 2 + 8);
            }
        }
    }

    @Test
    void urlEncodedFormsAreMasked() {
        String plus = URLEncoder.encode(SECRET, StandardCharsets.UTF_8);
        String pct = plus.replace("+", "%20");

        assertThat(masker(SECRET).mask("https://h/?pw=" + plus + "&x=" + pct)).isEqualTo("https://h/?pw=******&x=******");
    }

    @Test
    void jsonEscapedFormsAreMasked() {
        String json = JsonMapper.builder().build().writeValueAsString(Map.of("password", SECRET));
        String ascii = JsonMapper.builder().enable(JsonWriteFeature.ESCAPE_NON_ASCII).build()
                .writeValueAsString(Map.of("password", SECRET));
        OutputMasker m = masker(SECRET);

        assertThat(json).contains("\\\"wörd\\\"");
        assertThat(m.mask(json)).isEqualTo("{\"password\":\"******\"}");
        assertThat(ascii).contains("\\u00");
        assertThat(m.mask(ascii)).isEqualTo("{\"password\":\"******\"}");
    }

    @Test
    void valuesShorterThanFourCharactersAreLeftAlone() {
        OutputMasker m = masker("abc", "42", "");

        assertThat(m.forms()).isZero();
        assertThat(m.mask("abc 42 abcd")).isEqualTo("abc 42 abcd");
        assertThat(masker("abcd").mask("abc 42 abcd")).isEqualTo("abc 42 ******");
    }

    @Test
    void theLongestSecretWinsAndOverlappingSecretsBecomeOneMask() {
        OutputMasker m = masker("abcd", "abcdefgh", "ghijkl");

        assertThat(m.mask("x abcdefgh y")).isEqualTo("x ****** y");
        assertThat(m.mask("x abcdefghijkl y")).isEqualTo("x ****** y");
        assertThat(m.mask("abcd")).isEqualTo("******");
    }

    @Test
    void secretsThatShareALongPrefixAreToldApartAndThePrefixAloneIsNotMasked() {
        String prefix = "eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ9.";
        OutputMasker m = masker(prefix + "eyJzdWIiOiJhIn0.sigA", prefix + "eyJzdWIiOiJiIn0.sigB", "9.eyJzdWIi");

        assertThat(m.mask("a=" + prefix + "eyJzdWIiOiJiIn0.sigB b=" + prefix + "eyJzdWIiOiJjIn0.sigC"))
                .isEqualTo("a=****** b=eyJhbGciOiJIUzI1NiIsInR5cCI6IkpXVCJ******OiJjIn0.sigC");
    }

    @Test
    void valuesListsThePlainSecretsOnceInTheOrderAddedWithoutEncodedFormsOrShortValues() {
        OutputMasker m = masker("hunter2-db", "abc", SECRET, "hunter2-db");

        assertThat(m.values()).containsExactly("hunter2-db", SECRET);
        assertThat(m.forms()).isGreaterThan(m.values().size());
        assertThat(OutputMasker.none().values()).isEmpty();
        assertThat(masker("42").values()).isEmpty();
    }

    @Test
    void textWithoutSecretsIsReturnedUnchanged() {
        String text = "nothing to see here, abc";

        assertThat(masker("hunter2").mask(text)).isSameAs(text);
        assertThat(OutputMasker.none().mask(text)).isSameAs(text);
    }

    @Test
    void theSecretsOfATreeAreItsValuesUnderSecretKeys() {
        ConfigMap written = ConfigMap.builder(AT)
                .put("db_password", ConfigScalar.string("hunter2-db", AT)
                        .withOverridden(List.of(ConfigScalar.string("older-pass", AT))))
                .put("api_key", ConfigScalar.string("${API_KEY:-default-key}", AT))
                .put("token", ConfigScalar.string("${TOKEN}", AT))
                .put("host", ConfigScalar.string("db.internal", AT))
                .put("enabled_secret", ConfigScalar.bool(true, AT))
                .put("pin_secret", ConfigScalar.integer(987654, AT))
                .build();
        ConfigMap real = ConfigMap.builder(AT)
                .put("db_password", ConfigScalar.string("hunter2-db", AT))
                .put("api_key", ConfigScalar.string("key-from-env", AT))
                .put("token", ConfigScalar.string("tok-from-env", AT))
                .put("host", ConfigScalar.string("db.internal", AT))
                .put("enabled_secret", ConfigScalar.bool(true, AT))
                .put("pin_secret", ConfigScalar.integer(987654, AT))
                .build();

        OutputMasker m = OutputMasker.builder(secrets).addSecretsOf(written, real).build();

        assertThat(m.mask("hunter2-db older-pass default-key key-from-env tok-from-env 987654"))
                .isEqualTo("****** ****** ****** ****** ****** ******");
        assertThat(m.mask("token: ${TOKEN} host: db.internal enabled: true"))
                .isEqualTo("token: ${TOKEN} host: db.internal enabled: true");
    }

    @Test
    void decryptedValuesAreSecretsWhereverTheySit() {
        String enc = "ENC[AES256_GCM,kid:0a1b2c3d,iv:AAAAAAAAAAAAAAAA,data:AAAAAAAAAAAAAAAAAAAAAA==]";
        ConfigMap written = ConfigMap.builder(AT).put("endpoint", ConfigScalar.string(enc, AT)).build();
        ConfigMap real = ConfigMap.builder(AT).put("endpoint", ConfigScalar.string("https://u:pw@h", AT)).build();

        OutputMasker m = OutputMasker.builder(secrets).addSecretsOf(written, real).build();

        assertThat(m.mask("endpoint=https://u:pw@h")).isEqualTo("endpoint=******");
        assertThat(m.mask("endpoint=" + enc)).isEqualTo("endpoint=" + enc);
    }

    @Test
    void everyBuiltMaskerHidesUrlPasswordsByShapeButNoneRevealsThem() {
        String line = "db: postgres://admin:not-a-known-secret@db.internal/app";
        OutputMasker empty = OutputMasker.builder(new SecretMasker(List.of("password"))).build();

        assertThat(empty.mask(line)).isEqualTo("db: postgres://admin:******@db.internal/app");
        assertThat(OutputMasker.urlPasswordsOnly().mask(line)).isEqualTo("db: postgres://admin:******@db.internal/app");
        assertThat(OutputMasker.none().mask(line)).isSameAs(line);
    }

    @Test
    void aUnionMasksTheSecretsOfBothAndTheirEncodings() {
        SecretMasker keys = new SecretMasker(List.of("password"));
        OutputMasker a = OutputMasker.builder(keys).addValue("first-Secret-1").build();
        OutputMasker b = OutputMasker.builder(keys).addValue("second-Secret-2").build();
        String encoded = java.util.Base64.getEncoder().encodeToString("second-Secret-2".getBytes(StandardCharsets.UTF_8));

        OutputMasker both = a.with(b);

        assertThat(both.mask("first-Secret-1 second-Secret-2 " + encoded)).isEqualTo("****** ****** ******");
        assertThat(both.values()).containsExactly("first-Secret-1", "second-Secret-2");
        assertThat(OutputMasker.none().with(a)).isSameAs(a);
    }

    @Test
    void theValuesOfATreeAreMaskedScalarByScalarAndAMaskedNumberBecomesAString() {
        OutputMasker m = OutputMasker.builder(new SecretMasker(List.of("password"))).addValue("12345678").build();
        ConfigMap tree = ConfigMap.builder(AT).put("pin", ConfigScalar.integer(12345678, AT))
                .put("urls", io.configcicd.core.model.ConfigList.of(List.of(ConfigScalar.string("http://u:p@h", AT)), AT))
                .put("flag", ConfigScalar.bool(true, AT)).put("plain", ConfigScalar.string("ok", AT)).build();

        ConfigNode masked = m.mask(tree);

        assertThat(masked.toPlain()).isEqualTo(Map.of("pin", "******", "urls", List.of("http://u:******@h"),
                "flag", true, "plain", "ok"));
        ConfigMap clean = ConfigMap.builder(AT).put("plain", ConfigScalar.string("ok", AT)).build();
        assertThat(m.mask((ConfigNode) clean)).isSameAs(clean);
    }

    @Test
    void eachLongLineOfAMultiLineSecretIsMaskedWhereTheValueIsPrintedIndented() {
        String pem = "-----BEGIN PRIVATE KEY-----\nMIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n"
                + "VJTUt9Us8cKjMzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT\n-----END PRIVATE KEY-----\n";
        OutputMasker m = masker(pem);
        String yaml = "notes:\n  copy: |\n    -----BEGIN PRIVATE KEY-----\n"
                + "    MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7\n"
                + "    VJTUt9Us8cKjMzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT\n    -----END PRIVATE KEY-----\n";

        String masked = m.mask(yaml);

        assertThat(masked).doesNotContain("MIIEvQIBADANBgkqhkiG9w0BAQEFAASCBKcwggSjAgEAAoIBAQC7")
                .doesNotContain("VJTUt9Us8cKjMzEfYyjiWA4R4/M2bS1GB4t7NXp98C3SC6dVMvDuictGeurT")
                .contains("notes:\n  copy: |\n    ******\n    ******\n    ******\n    ******\n");
        assertThat(m.mask("a line of ordinary text")).isEqualTo("a line of ordinary text");
    }

    @Test
    void aMaskerOfPlainValuesMasksEachInItsFormsAndListsThemButNotTheShortOnes() {
        OutputMasker m = OutputMasker.ofValues(List.of("vault-Value-77", "ab"));
        String b64 = Base64.getEncoder().encodeToString("vault-Value-77".getBytes(StandardCharsets.UTF_8));

        assertThat(m.values()).containsExactly("vault-Value-77");
        assertThat(m.mask("a vault-Value-77 b " + b64 + " ab")).isEqualTo("a ****** b ****** ab");
        assertThat(OutputMasker.none().with(m).mask("x vault-Value-77")).isEqualTo("x ******");
    }
}
