package io.configcicd.core.model;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** The file formats of a configuration directory. */
public enum Format {
    YAML(List.of("yaml", "yml")),
    JSON(List.of("json")),
    TOML(List.of("toml"));

    private final List<String> extensions;

    Format(List<String> extensions) {
        this.extensions = extensions;
    }

    public List<String> extensions() {
        return extensions;
    }

    public String defaultExtension() {
        return extensions.get(0);
    }

    /** The format of a file name, from its extension. */
    public static Optional<Format> ofFileName(String fileName) {
        int dot = fileName.lastIndexOf('.');
        if (dot < 0) {
            return Optional.empty();
        }
        String ext = fileName.substring(dot + 1).toLowerCase(Locale.ROOT);
        for (Format f : values()) {
            if (f.extensions.contains(ext)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
