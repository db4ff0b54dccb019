package io.configcicd.core.repo.edit;

import io.configcicd.core.load.toml.TomlEditor;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.Format;

/** The in-place editor of each format. */
public final class Editors {

    private static final DocumentEditor YAML = new YamlEditor();
    private static final DocumentEditor JSON = new JsonEditor();
    private static final DocumentEditor TOML = new TomlAdapter(new TomlEditor());

    private Editors() {
    }

    public static DocumentEditor of(Format format) {
        return switch (format) {
            case YAML -> YAML;
            case JSON -> JSON;
            case TOML -> TOML;
        };
    }

    private record TomlAdapter(TomlEditor editor) implements DocumentEditor {
        @Override
        public String set(String text, ConfigPath path, ConfigNode value, String file) {
            return editor.set(text, path, value, file);
        }

        @Override
        public String remove(String text, ConfigPath path, String file) {
            return editor.remove(text, path, file);
        }
    }
}
