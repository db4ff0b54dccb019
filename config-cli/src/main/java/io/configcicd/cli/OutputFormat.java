package io.configcicd.cli;

/** The output formats of {@code --format} (matched case-insensitively: text, json, yaml). */
public enum OutputFormat {
    TEXT,
    JSON,
    YAML
}
