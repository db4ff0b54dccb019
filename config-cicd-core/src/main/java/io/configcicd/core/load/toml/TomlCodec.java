package io.configcicd.core.load.toml;

import io.configcicd.core.load.ConfigParseException;
import io.configcicd.core.load.FormatCodec;
import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.load.Utf8;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.Format;
import io.configcicd.core.model.Origin;

/**
 * TOML 1.0.0, read by a hand-written parser that keeps the file, line and column of every key, value and
 * table (Jackson's TOML module keeps no positions), and written back by {@link TomlWriter}.
 */
public final class TomlCodec implements FormatCodec {

    @Override
    public Format format() {
        return Format.TOML;
    }

    @Override
    public ConfigNode parse(byte[] content, String file, LoadLimits limits) {
        checkSize(content, file, limits);
        return TomlParser.parse(Utf8.decode(content, file), file, limits);
    }

    /** Parses text that is already decoded (the editor works on text). */
    public ConfigNode parseText(String text, String file, LoadLimits limits) {
        return TomlParser.parse(text, file, limits);
    }

    @Override
    public String render(ConfigNode root) {
        return TomlWriter.document(root);
    }

    static void checkSize(byte[] content, String file, LoadLimits limits) {
        if (content.length > limits.maxDocumentBytes()) {
            throw new ConfigParseException(Origin.file(file), "file of " + content.length
                    + " bytes is larger than the limit of " + limits.maxDocumentBytes() + " bytes",
                    "split the file or " + LoadLimits.raise(LoadLimits.MAX_DOCUMENT_BYTES));
        }
    }
}
