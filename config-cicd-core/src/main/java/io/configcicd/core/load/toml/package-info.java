/**
 * The TOML 1.0 codec and editor, written here because no Java TOML library keeps positions and passes toml-test:
 * parser, reader, writer, and the text edits that change one value keeping comments.
 *
 * <p>Must import only {@code load} and {@code model}.
 */
package io.configcicd.core.load.toml;
