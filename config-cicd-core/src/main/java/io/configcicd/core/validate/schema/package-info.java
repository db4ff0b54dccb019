/**
 * JSON Schema validation with networknt's json-schema-validator: the documents of {@code schemas/} applied to the
 * effective configuration ({@link io.configcicd.core.validate.schema.JsonSchemaRule}) and arbitrary files validated
 * against one schema ({@link io.configcicd.core.validate.schema.SchemaFiles}, {@code validate --schema}).
 *
 * <p>It owns how schemas are compiled ({@code SchemaSet}: every draft, {@code format} asserted unless
 * {@link io.configcicd.core.validate.schema.SchemaOptions} say otherwise, ECMA-262 {@code pattern} through Joni,
 * {@code $ref}s resolved offline only), how validator errors become findings at a file:line, and, for
 * {@code validate --schema}, how files are read (documents of a YAML stream) and which of their values are secrets.
 * It imports {@code model}, {@code load}, {@code repo}, {@code security}, {@code validate} and
 * {@code validate.rules} (the {@code validation:} settings); never {@code api} or a front end.
 */
package io.configcicd.core.validate.schema;
