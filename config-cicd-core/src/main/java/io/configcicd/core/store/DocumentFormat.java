package io.configcicd.core.store;

import java.util.Locale;
import java.util.Optional;

/** The text format of a {@link Layout#DOCUMENT} target ({@code format:}, JSON unless it says {@code yaml}). */
public enum DocumentFormat {
    JSON("application/json", "json"),
    YAML("application/yaml", "yaml");

    private final String mediaType;
    private final String extension;

    DocumentFormat(String mediaType, String extension) {
        this.mediaType = mediaType;
        this.extension = extension;
    }

    public String mediaType() {
        return mediaType;
    }

    /** The usual file extension, without the dot. */
    public String extension() {
        return extension;
    }

    public String word() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static Optional<DocumentFormat> ofWord(String word) {
        for (DocumentFormat f : values()) {
            if (f.word().equals(word)) {
                return Optional.of(f);
            }
        }
        return Optional.empty();
    }
}
