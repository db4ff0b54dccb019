/**
 * In-place edits of a document's text (YAML, JSON, TOML) that keep comments, order and quoting: what set, --fix,
 * rekey and saving a document write.
 *
 * <p>Must import only {@code load}, its codecs and {@code model}.
 */
package io.configcicd.core.repo.edit;
