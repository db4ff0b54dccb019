/**
 * The YAML codec: composes the events of {@code load.yaml.parser} into the model (YAML 1.2 core schema, merge
 * keys, alias limits), and renders a tree back to YAML.
 *
 * <p>Must import only {@code load}, {@code load.yaml.parser} and {@code model}.
 */
package io.configcicd.core.load.yaml;
