package io.configcicd.core.repo;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.load.FormatCodec;
import io.configcicd.core.load.json.JsonCodec;
import io.configcicd.core.load.toml.TomlCodec;
import io.configcicd.core.load.yaml.YamlCodec;
import io.configcicd.core.model.Format;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/** The codec of each format; one shared instance is enough because codecs are stateless. */
public final class Codecs {

    private static final Codecs STANDARD = new Codecs(List.of(new YamlCodec(), new JsonCodec(), new TomlCodec()));

    private final Map<Format, FormatCodec> byFormat = new EnumMap<>(Format.class);

    public Codecs(List<FormatCodec> codecs) {
        for (FormatCodec c : codecs) {
            byFormat.put(c.format(), c);
        }
    }

    public static Codecs standard() {
        return STANDARD;
    }

    public FormatCodec of(Format format) {
        FormatCodec c = byFormat.get(format);
        if (c == null) {
            throw new IllegalStateException("no codec for " + format);
        }
        return c;
    }

    /** The codec for a file name, from its extension. */
    public FormatCodec forFile(String fileName) {
        return of(Format.ofFileName(fileName).orElseThrow(() -> ConfigCicdException.badInput(
                "'" + fileName + "' is not a configuration file", "use .yaml, .yml, .json or .toml")));
    }
}
