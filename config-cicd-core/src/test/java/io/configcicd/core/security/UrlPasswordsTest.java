package io.configcicd.core.security;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class UrlPasswordsTest {

    @Test
    void thePasswordOfAUrlIsMaskedWhateverItIsAndTheUserHostAndPathStay() {
        assertThat(UrlPasswords.mask("~ db.conn: postgres://admin:old-Secret-Pa55@db.internal/app -> x"))
                .isEqualTo("~ db.conn: postgres://admin:******@db.internal/app -> x");
        assertThat(UrlPasswords.mask("redis://:hunter2@cache:6379/0")).isEqualTo("redis://:******@cache:6379/0");
        assertThat(UrlPasswords.mask("amqp+ssl://u:p@h")).isEqualTo("amqp+ssl://u:******@h");
    }

    @Test
    void everyUrlOfALineIsMaskedAndAnAtSignInsideThePasswordStaysHidden() {
        assertThat(UrlPasswords.mask("{\"a\":\"http://u:p@ss@h1/x\",\"b\":\"https://v:q:r@h2?y\"}"))
                .isEqualTo("{\"a\":\"http://u:******@h1/x\",\"b\":\"https://v:******@h2?y\"}");
    }

    @Test
    void aUrlWithoutAPasswordOrWithoutASchemeIsLeftAlone() {
        String[] unchanged = {"https://git@github.com/org/repo", "https://example.com:8443/path", "://u:p@h",
                "mailto:someone@example.com", "user:pass@host", "no urls here", "https://h/p?u=a:b@c",
                "postgres://admin:******@db.internal/app"};
        for (String text : unchanged) {
            assertThat(UrlPasswords.mask(text)).as(text).isSameAs(text);
        }
    }

    @Test
    void theAuthorityEndsAtWhiteSpaceAndQuotesSoTextAfterTheUrlIsNotSwallowed() {
        assertThat(UrlPasswords.mask("see https://example.com/x and mail a:b@c.d"))
                .isEqualTo("see https://example.com/x and mail a:b@c.d");
        assertThat(UrlPasswords.mask("'ftp://u:pw@h' \"x@y\""))
                .isEqualTo("'ftp://u:******@h' \"x@y\"");
    }

    @Test
    void aLongLineOfSchemeCharactersWithManySeparatorsIsMaskedCorrectly() {
        String many = "http://u:p@h ".repeat(10_000);
        assertThat(UrlPasswords.mask(many)).isEqualTo("http://u:******@h ".repeat(10_000));
    }
}
