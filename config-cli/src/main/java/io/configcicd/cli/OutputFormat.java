package io.configcicd.cli;

import io.configcicd.core.ConfigCicdException;
import java.util.Locale;

/** The output formats of {@code --format} for values (matched case-insensitively: text, json, yaml). */
public enum OutputFormat {
    TEXT,
    JSON,
    YAML;

    /** Reads a format name; anything else is a usage error naming the accepted ones. */
    static OutputFormat parse(String text) {
        try {
            return valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw ConfigCicdException.badInput("unknown --format '" + text + "' for this command",
                    "use text, json or yaml");
        }
    }
}
