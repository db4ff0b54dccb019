package io.configcicd.core.load.yaml.parser;

/**
 * The receiver of the parse events of a YAML stream, in document order. Positions are 1-based; a node's position
 * is that of its first property (anchor or tag) when it has one, of its content otherwise.
 */
public interface YamlEvents {

    /** How a scalar was written. */
    enum Style { PLAIN, SINGLE_QUOTED, DOUBLE_QUOTED, LITERAL, FOLDED }

    void documentStart(boolean explicit, int line, int column);

    void documentEnd(boolean explicit);

    void mappingStart(String anchor, String tag, boolean flow, int line, int column);

    void mappingEnd();

    void sequenceStart(String anchor, String tag, boolean flow, int line, int column);

    void sequenceEnd();

    void scalar(String value, Style style, String anchor, String tag, int line, int column);

    void alias(String name, int line, int column);
}
