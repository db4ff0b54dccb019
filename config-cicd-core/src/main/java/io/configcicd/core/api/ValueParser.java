package io.configcicd.core.api;

import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Format;
import io.configcicd.core.model.Origin;
import io.configcicd.core.repo.Codecs;
import java.nio.charset.StandardCharsets;

/**
 * Reads a value given on a command line the way YAML reads it: {@code 5} is an integer, {@code true} a
 * boolean, {@code "5"} (quotes included) a string, {@code [a, b]} a list, {@code {k: v}} a mapping,
 * {@code null} null, anything else a string. An empty text is the empty string.
 */
public final class ValueParser {

    private ValueParser() {
    }

    public static ConfigNode parse(String text) {
        if (text.isEmpty()) {
            return ConfigScalar.string("", Origin.UNKNOWN);
        }
        return Codecs.standard().of(Format.YAML)
                .parse(text.getBytes(StandardCharsets.UTF_8), "--value", LoadLimits.DEFAULT);
    }
}
