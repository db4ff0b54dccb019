package io.configcicd.core.api;

import java.util.List;
import java.util.Objects;

/**
 * What {@link SecretsService#rekey} did: the ids of the old and new keys, and the files it rewrote with how many
 * values each (in the order they were written; files with nothing to re-encrypt are not listed).
 */
public record RekeyOutcome(String fromKey, String toKey, List<RekeyedFile> files) {

    /** A file rewritten under the new key, relative to the configuration directory. */
    public record RekeyedFile(String file, int reencrypted) {
        public RekeyedFile {
            Objects.requireNonNull(file, "file");
        }
    }

    public RekeyOutcome {
        Objects.requireNonNull(fromKey, "fromKey");
        Objects.requireNonNull(toKey, "toKey");
        files = List.copyOf(files);
    }

    /** The values re-encrypted in all files. */
    public int reencrypted() {
        return files.stream().mapToInt(RekeyedFile::reencrypted).sum();
    }
}
