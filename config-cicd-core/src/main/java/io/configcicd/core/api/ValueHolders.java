package io.configcicd.core.api;

import io.configcicd.core.repo.ConfigDirectory;
import io.configcicd.core.repo.Settings;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;

/**
 * The files of a configuration directory whose text holds a value exactly as given (an {@code ENC[...]} text that
 * {@code decrypt} is asked to open), so that access control can check the environments those files reach.
 */
final class ValueHolders {

    private ValueHolders() {
    }

    /**
     * The settings file, the base, schema and override documents that contain {@code value} (compared as text,
     * comments included, so a copy in a comment counts too), relative to the directory, sorted.
     */
    static List<String> of(ConfigDirectory directory, String value) {
        List<String> candidates = new ArrayList<>();
        if (directory.exists(Settings.FILE_NAME)) {
            candidates.add(Settings.FILE_NAME);
        }
        candidates.addAll(directory.globalDocuments());
        candidates.addAll(directory.schemaDocuments());
        directory.environments().forEach(e -> directory.environmentDocument(e).ifPresent(candidates::add));
        List<String> out = new ArrayList<>();
        for (String file : candidates) {
            byte[] bytes = directory.readBytes(file, directory.settings().limits());
            if (new String(bytes, StandardCharsets.UTF_8).contains(value)) {
                out.add(file);
            }
        }
        return out.stream().sorted().toList();
    }
}
