package io.configcicd.core.validate.schema;

/**
 * How schemas are applied, in both modes ({@code schemas/} of a configuration directory and
 * {@code validate --schema}).
 *
 * @param assertFormats whether {@code format} is an assertion (a value that is not a valid {@code email},
 *                      {@code uri}, {@code date-time}... is a finding) in every draft, as ajv-cli with ajv-formats
 *                      checks it; false makes it an annotation in every draft, draft-07 included
 *                      ({@code validation.formats: annotate})
 */
public record SchemaOptions(boolean assertFormats) {

    /** Formats asserted. */
    public static final SchemaOptions DEFAULT = new SchemaOptions(true);

    /** The options of a {@code validation.formats} setting: {@code assert} or {@code annotate}. */
    public SchemaOptions withAssertFormats(boolean assertFormats) {
        return new SchemaOptions(assertFormats);
    }
}
