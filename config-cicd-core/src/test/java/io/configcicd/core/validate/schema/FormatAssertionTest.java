package io.configcicd.core.validate.schema;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.Format;
import io.configcicd.core.repo.Codecs;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import tools.jackson.databind.node.JsonNodeFactory;

/**
 * {@code format} is asserted in every draft, as the schemas of the product compile ({@link SchemaSet}): hand-written
 * cases of each format, valid and not, in draft 2020-12 (where networknt only annotates by default) and draft-07;
 * and {@code validation.formats: annotate} ({@code assertFormats} false) turns the checks off in every draft.
 */
class FormatAssertionTest {

    private static final String DRAFT_2020_12 = "https://json-schema.org/draft/2020-12/schema";
    private static final String DRAFT_07 = "http://json-schema.org/draft-07/schema#";

    @ParameterizedTest(name = "{0} {1} is {2}")
    @CsvSource(delimiter = '|', textBlock = """
            date-time             | 2026-03-01T12:30:00Z                      | true
            date-time             | 2026-03-01T12:30:00+02:00                 | true
            date-time             | 2026-03-01 12:30                          | false
            date-time             | 2026-02-30T12:30:00Z                      | false
            date                  | 2024-02-29                                | true
            date                  | 2026-13-01                                | false
            time                  | 12:30:00Z                                 | true
            time                  | 25:00:00Z                                 | false
            duration              | P1Y2M3DT4H5M6S                            | true
            duration              | PT30S                                     | true
            duration              | P2W                                       | true
            duration              | P1Y2D                                     | false
            duration              | PT1H2S                                    | false
            duration              | 30s                                       | false
            email                 | ops@example.com                           | true
            email                 | not-an-email                              | false
            hostname              | db-1.internal.example.com                 | true
            hostname              | xn--bcher-kva.example                     | true
            hostname              | -db.example.com                           | false
            hostname              | db_1.example.com                          | false
            hostname              | xn--X                                     | false
            idn-hostname          | bücher.example                            | true
            idn-hostname          | example.                                  | false
            ipv4                  | 10.0.0.1                                  | true
            ipv4                  | 10.0.0.256                                | false
            ipv4                  | 010.0.0.1                                 | false
            ipv6                  | 2001:db8::1                               | true
            ipv6                  | 2001:db8::g                               | false
            uri                   | https://user@example.com:8443/p?q=1#f     | true
            uri                   | https://[2001:db8::1]/                    | true
            uri                   | /relative/path                            | false
            uri                   | http://example.com:abc/path               | false
            uri                   | http://[::ffff:01.2.3.4]/                 | false
            uri-reference         | ../a/b?c#d                                | true
            uri-reference         | //a@b@example.com/                        | false
            iri                   | https://例え.jp/パス                         | true
            iri                   | http://[::ffff:192.168.0.01]              | false
            uri-template          | https://example.com/{service}/{id*}       | true
            uri-template          | https://example.com/{service              | false
            uri-template          | a b                                       | false
            uuid                  | 123e4567-e89b-12d3-a456-426614174000      | true
            uuid                  | 123e4567-e89b-12d3-a456                   | false
            json-pointer          | /services/0/port                          | true
            json-pointer          | services/0                                | false
            relative-json-pointer | 1/port                                    | true
            relative-json-pointer | /port                                     | false
            regex                 | ^[a-z]+\\d*$                              | true
            regex                 | ^[a-z                                     | false
            regex                 | (?i)abc                                   | false
            regex                 | (?#comment)a                              | false
            """)
    void formatsAreAssertedInDraft2020AndDraft07(String format, String value, boolean valid) {
        assertThat(valid(DRAFT_2020_12, format, value, SchemaOptions.DEFAULT)).isEqualTo(valid);
        assertThat(valid(DRAFT_07, format, value, SchemaOptions.DEFAULT)).isEqualTo(valid);
    }

    @ParameterizedTest
    @ValueSource(strings = {DRAFT_2020_12, "https://json-schema.org/draft/2019-09/schema", DRAFT_07,
            "http://json-schema.org/draft-06/schema#", "http://json-schema.org/draft-04/schema#"})
    void annotateTurnsTheChecksOffInEveryDraft(String draft) {
        assertThat(valid(draft, "email", "not-an-email", SchemaOptions.DEFAULT)).isFalse();
        assertThat(valid(draft, "email", "not-an-email", new SchemaOptions(false))).isTrue();
    }

    @Test
    void aFormatOnlyJudgesStrings() {
        assertThat(valid(DRAFT_2020_12, "ipv4", null, SchemaOptions.DEFAULT)).isTrue();
    }

    @Test
    void anUnknownFormatIsNotAnError() {
        assertThat(valid(DRAFT_2020_12, "kubernetes-quantity", "512Mi", SchemaOptions.DEFAULT)).isTrue();
    }

    /** Whether a string (or, for null, the number 42) is valid against {@code {"format": F}} in a draft. */
    static boolean valid(String draft, String format, String value, SchemaOptions options) {
        String text = "{\"$schema\": \"" + draft + "\", \"format\": \"" + format + "\"}";
        ConfigNode schema = Codecs.standard().of(Format.JSON).parse(text.getBytes(StandardCharsets.UTF_8), "s.json",
                LoadLimits.DEFAULT);
        SchemaSet set = new SchemaSet(Map.of("schemas/s.json", schema), options, iri -> "");
        JsonNodeFactory nodes = JsonNodeFactory.instance;
        return set.documents().get(0).schema()
                .validate(value == null ? nodes.numberNode(42) : nodes.stringNode(value)).isEmpty();
    }
}
