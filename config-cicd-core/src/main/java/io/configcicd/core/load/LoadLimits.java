package io.configcicd.core.load;

/**
 * Bounds that protect the loader from hostile or broken files. Every limit is configurable (the settings
 * file's {@code limits:} section or the API); a file that crosses one is rejected with file:line.
 *
 * @param maxDocumentBytes   largest file accepted, in bytes
 * @param maxDepth           deepest nesting of mappings and lists
 * @param maxAliases         most YAML alias references in one document (no "billion laughs")
 * @param maxStringLength    longest string value or key, in characters
 * @param maxNumberLength    longest number literal, in characters
 */
public record LoadLimits(int maxDocumentBytes, int maxDepth, int maxAliases, int maxStringLength,
                         int maxNumberLength) {

    public static final LoadLimits DEFAULT = new LoadLimits(16 * 1024 * 1024, 64, 100, 1024 * 1024, 100);

    public LoadLimits {
        if (maxDocumentBytes <= 0 || maxDepth <= 0 || maxAliases < 0 || maxStringLength <= 0 || maxNumberLength <= 0) {
            throw new IllegalArgumentException("load limits must be positive");
        }
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
