package io.configcicd.core.store;

import io.configcicd.core.load.json.JsonCodec;
import io.configcicd.core.load.yaml.YamlCodec;
import io.configcicd.core.model.ConfigList;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.ConfigScalar;
import java.util.Map;
import java.util.TreeMap;

/**
 * The one encoding of an effective configuration into what a target holds (ARCHITECTURE 3a), shared by every
 * store so that none re-implements it:
 * <ul>
 *   <li>{@link Layout#KEYS}: one entry per leaf (a scalar, a list or an empty map), named by the leaf's dotted
 *       path ({@code kgot.num_next_steps_decision}; a key holding a dot is quoted as in {@code get --path}); the
 *       value is text: strings as they are, numbers and booleans as JSON writes them ({@code 5}, {@code 2.5},
 *       {@code true}), lists and empty maps as compact JSON ({@code ["python","javascript"]}, {@code {}}).</li>
 *   <li>{@link Layout#DOCUMENT}: the whole tree as JSON, or as YAML with {@code format: yaml}.</li>
 * </ul>
 * The tree is encoded as given: whether secrets are references or resolved values is the caller's choice
 * ({@link SecretsMode}). Stateless and thread safe.
 */
public final class ContentEncoder {

    private static final JsonCodec JSON = new JsonCodec();
    private static final YamlCodec YAML = new YamlCodec();

    private ContentEncoder() {
    }

    /** The content a target of this spec holds for the effective configuration. */
    public static StoreContent encode(ConfigMap effective, TargetSpec spec) {
        return spec.layout() == Layout.KEYS ? keys(effective) : document(effective, spec.format());
    }

    public static StoreContent.Keys keys(ConfigMap effective) {
        Map<String, String> entries = new TreeMap<>();
        collect(effective, ConfigPath.root(), entries);
        return new StoreContent.Keys(new TreeMap<>(entries));
    }

    public static StoreContent.Document document(ConfigMap effective, DocumentFormat format) {
        ConfigNode plain = effective.withoutHistory();
        String text = format == DocumentFormat.YAML ? YAML.render(plain) : JSON.render(plain);
        return new StoreContent.Document(text, format.mediaType());
    }

    /** The text of one leaf in the keys layout. */
    public static String leafText(ConfigNode leaf) {
        return leaf instanceof ConfigScalar s ? CompactJson.text(s) : CompactJson.write(leaf);
    }

    private static void collect(ConfigMap map, ConfigPath at, Map<String, String> out) {
        for (Map.Entry<String, ConfigNode> e : map.entries().entrySet()) {
            ConfigPath path = at.child(e.getKey());
            ConfigNode value = e.getValue();
            if (value instanceof ConfigMap child && !child.isEmpty()) {
                collect(child, path, out);
            } else if (value instanceof ConfigMap || value instanceof ConfigList || value instanceof ConfigScalar) {
                out.put(path.toString(), leafText(value));
            }
        }
    }
}
