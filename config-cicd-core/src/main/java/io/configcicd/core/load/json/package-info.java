/**
 * The JSON codec: Jackson 3's streaming parser into the model, with line and column of every value.
 *
 * <p>Must import only {@code load} and {@code model}.
 */
package io.configcicd.core.load.json;
