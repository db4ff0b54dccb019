package io.configcicd.core.load;

import java.util.List;

/**
 * Bounds that protect the loader from hostile or broken files. Every limit is configurable (the settings
 * file's {@code limits:} section, whose keys are {@link #SETTING_NAMES}, or the API); a file that crosses one is
 * rejected with file:line and a hint naming the key to raise ({@link #raise(String)}).
 *
 * @param maxDocumentBytes   largest file accepted, in bytes
 * @param maxDepth           deepest nesting of mappings and lists
 * @param maxAliases         most YAML alias references in one document (no "billion laughs")
 * @param maxStringLength    longest string value or key, in characters
 * @param maxNumberLength    longest number literal, in characters
 */
public record LoadLimits(int maxDocumentBytes, int maxDepth, int maxAliases, int maxStringLength,
                         int maxNumberLength) {

    /** The key of each limit in the {@code limits:} section of {@code config-cicd.yaml}. */
    public static final String MAX_DOCUMENT_BYTES = "max_document_bytes";
    public static final String MAX_DEPTH = "max_depth";
    public static final String MAX_ALIASES = "max_aliases";
    public static final String MAX_STRING_LENGTH = "max_string_length";
    public static final String MAX_NUMBER_LENGTH = "max_number_length";

    /** Every key of the {@code limits:} section, in the order the documentation lists them. */
    public static final List<String> SETTING_NAMES =
            List.of(MAX_DOCUMENT_BYTES, MAX_DEPTH, MAX_ALIASES, MAX_STRING_LENGTH, MAX_NUMBER_LENGTH);

    public static final LoadLimits DEFAULT = new LoadLimits(16 * 1024 * 1024, 64, 100, 1024 * 1024, 100);

    public LoadLimits {
        if (maxDocumentBytes <= 0 || maxDepth <= 0 || maxAliases < 0 || maxStringLength <= 0 || maxNumberLength <= 0) {
            throw new IllegalArgumentException("load limits must be positive");
        }
    }

    /**
     * The words of a hint that tells where a limit is set, such as {@code raise limits.max_depth in
     * config-cicd.yaml}.
     *
     * @param settingName one of {@link #SETTING_NAMES}
     */
    public static String raise(String settingName) {
        if (!SETTING_NAMES.contains(settingName)) {
            throw new IllegalArgumentException("not a limit: " + settingName);
        }
        return "raise limits." + settingName + " in config-cicd.yaml";
    }

    public LoadLimits withMaxDocumentBytes(int v) {
        return new LoadLimits(v, maxDepth, maxAliases, maxStringLength, maxNumberLength);
    }

    public LoadLimits withMaxDepth(int v) {
        return new LoadLimits(maxDocumentBytes, v, maxAliases, maxStringLength, maxNumberLength);
    }

    public LoadLimits withMaxAliases(int v) {
        return new LoadLimits(maxDocumentBytes, maxDepth, v, maxStringLength, maxNumberLength);
    }

    public LoadLimits withMaxStringLength(int v) {
        return new LoadLimits(maxDocumentBytes, maxDepth, maxAliases, v, maxNumberLength);
    }

    public LoadLimits withMaxNumberLength(int v) {
        return new LoadLimits(maxDocumentBytes, maxDepth, maxAliases, maxStringLength, v);
    }
}
