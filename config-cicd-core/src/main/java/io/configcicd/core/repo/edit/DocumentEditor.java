package io.configcicd.core.repo.edit;

import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigPath;

/**
 * Edits the text of one configuration document in place: only the bytes that hold the edited value change,
 * so comments, key order, quoting and indentation of everything else stay as the user wrote them.
 */
public interface DocumentEditor {

    /**
     * New text in which path holds value; the rest of the text unchanged. Intermediate maps are created as needed.
     *
     * @param file the name used in error messages
     * @throws io.configcicd.core.ConfigCicdException (bad input) naming file:line when the path goes through a
     *                                                scalar, past the end of a list, or the text does not parse
     */
    String set(String text, ConfigPath path, ConfigNode value, String file);

    /** New text without the key at path (unchanged text when the key is absent). */
    String remove(String text, ConfigPath path, String file);
}
