package io.configcicd.core.security.audit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import java.util.Base64;
import java.util.HexFormat;
import java.util.Map;
import org.junit.jupiter.api.Test;

class AuditKeyTest {

    private static final byte[] KEY = AuditFixtures.KEY;

    @Test
    void theKeyIsReadAsHexOrBase64AndBothNameTheSameKey() {
        AuditKey hex = AuditKey.fromEnvironment(Map.of(AuditKey.VARIABLE, HexFormat.of().formatHex(KEY))).orElseThrow();
        AuditKey base64 = AuditKey.fromEnvironment(Map.of(AuditKey.VARIABLE,
                Base64.getEncoder().encodeToString(KEY))).orElseThrow();
        AuditKey urlSafe = AuditKey.fromEnvironment(Map.of(AuditKey.VARIABLE,
                " " + Base64.getUrlEncoder().withoutPadding().encodeToString(KEY) + "\n")).orElseThrow();

        assertThat(hex.id()).hasSize(16).matches("[0-9a-f]+").isEqualTo(base64.id()).isEqualTo(urlSafe.id());
        assertThat(hex.macHex(new byte[] {1})).isEqualTo(base64.macHex(new byte[] {1}));
    }

    @Test
    void noVariableOrABlankOneMeansNoKey() {
        assertThat(AuditKey.fromEnvironment(Map.of())).isEmpty();
        assertThat(AuditKey.fromEnvironment(Map.of(AuditKey.VARIABLE, "  "))).isEmpty();
    }

    @Test
    void aShortOrUnreadableKeyIsBadInputThatNeverShowsTheValue() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        assertThatThrownBy(() -> AuditKey.fromEnvironment(Map.of(AuditKey.VARIABLE, shortKey)))
                .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                    assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
                    assertThat(e.getMessage()).contains("16 bytes").contains("at least 32").doesNotContain(shortKey);
                    assertThat(e.hint()).contains("openssl rand -base64 32");
                });
        assertThatThrownBy(() -> AuditKey.fromEnvironment(Map.of(AuditKey.VARIABLE, "not a key!")))
                .isInstanceOfSatisfying(ConfigCicdException.class, e ->
                        assertThat(e.getMessage()).contains("neither hex nor base64").doesNotContain("not a key!"));
    }

    @Test
    void theKeyNeverShowsInItsTextAndItsIdIsNoPrefixOfIt() {
        AuditKey key = AuditKey.of(KEY);
        String hex = HexFormat.of().formatHex(KEY);
        assertThat(key.toString()).isEqualTo("AuditKey[" + key.id() + "]").doesNotContain(hex.substring(0, 8));
        assertThat(hex).doesNotContain(key.id());
    }
}
