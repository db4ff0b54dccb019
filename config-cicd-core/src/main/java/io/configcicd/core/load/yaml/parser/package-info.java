/**
 * A YAML 1.2 event parser with exact positions, written here because snakeyaml-engine reports no column for every
 * scalar and accepts input the yaml-test-suite rejects; {@code load.yaml} composes its events.
 *
 * <p>Must import only {@code load}: no model types, no codec.
 */
package io.configcicd.core.load.yaml.parser;
