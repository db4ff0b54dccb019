package io.configcicd.core.load;

import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.Format;

/**
 * Reads one file format into a {@link ConfigNode} tree in which every node carries its origin
 * (file, line, column). Implementations are thread safe and stateless.
 */
public interface FormatCodec {

    Format format();

    /**
     * Parses one document.
     *
     * @param content the file's bytes, which must be UTF-8
     * @param file    the name used in origins and messages (relative to the configuration directory)
     * @param limits  the bounds to enforce while parsing
     * @return the root value; an empty document is an empty mapping
     * @throws ConfigParseException naming file:line:column for anything the codec does not accept
     */
    ConfigNode parse(byte[] content, String file, LoadLimits limits);

    /** Writes a tree as a new document in this format (used for files that do not exist yet). */
    String render(ConfigNode root);
}
