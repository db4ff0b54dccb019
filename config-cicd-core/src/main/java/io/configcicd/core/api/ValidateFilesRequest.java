package io.configcicd.core.api;

import io.configcicd.core.model.Severity;
import io.configcicd.core.model.Threshold;
import java.nio.file.Path;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * What a front end asks {@link ValidationService#validateFiles} for ({@code validate --schema SCHEMA FILE...}): any
 * YAML, JSON or TOML files against one JSON Schema, as ajv-cli does.
 *
 * @param schema        the JSON Schema document
 * @param referenced    schemas the schema may refer to by {@code $id} or file name ({@code --ref})
 * @param files         the files to validate
 * @param configDir     the configuration directory whose {@code config-cicd.yaml}, when there is one, gives the
 *                      secret keys, the limits and {@code validation.formats}
 * @param assertFormats whether {@code format} is an assertion, overriding the settings; empty: the settings' choice
 * @param failOn        the severity at which the run fails; empty: {@link Severity#ERROR}
 */
public record ValidateFilesRequest(Path schema, List<Path> referenced, List<Path> files, Path configDir,
                                   Optional<Boolean> assertFormats, Optional<Severity> failOn) {

    public ValidateFilesRequest {
        Objects.requireNonNull(schema, "schema");
        referenced = List.copyOf(referenced);
        files = List.copyOf(files);
        Objects.requireNonNull(configDir, "configDir");
        Objects.requireNonNull(assertFormats, "assertFormats");
        Objects.requireNonNull(failOn, "failOn");
    }

    /** The files against the schema, the settings of {@code configDir}, failing on errors. */
    public static ValidateFilesRequest of(Path schema, List<Path> files, Path configDir) {
        return new ValidateFilesRequest(schema, List.of(), files, configDir, Optional.empty(), Optional.empty());
    }

    public ValidateFilesRequest withReferenced(List<Path> schemas) {
        return new ValidateFilesRequest(schema, schemas, files, configDir, assertFormats, failOn);
    }

    public ValidateFilesRequest withAssertFormats(Optional<Boolean> assertion) {
        return new ValidateFilesRequest(schema, referenced, files, configDir, assertion, failOn);
    }

    /** The threshold's severity when one is given; error otherwise. */
    public ValidateFilesRequest withFailOn(Optional<Threshold> threshold) {
        return new ValidateFilesRequest(schema, referenced, files, configDir, assertFormats,
                threshold.map(Threshold::severity).or(() -> failOn));
    }
}
