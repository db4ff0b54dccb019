package io.configcicd.core.history;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.repo.ConfigDirectory;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;

/**
 * Writes a rollback's files: each write atomic (temporary file, fsync, rename) and each delete done while the
 * caller holds every file's lock ({@link #locked}). If a write fails midway, the files already changed are put
 * back as they were before the rollback, from the same bytes the backup taken just before holds; that is best
 * effort (a disk that refuses one write may refuse the next), and the error says whether it worked and names the
 * backup to roll back to otherwise.
 */
final class RestoreWriter {

    private RestoreWriter() {
    }

    /** Runs {@code action} holding the locks of all {@code files}, taken in name order (so writers never deadlock). */
    static <T> T locked(ConfigDirectory dir, List<String> files, Supplier<T> action) {
        return locked(dir, files.stream().sorted().distinct().toList(), 0, action);
    }

    private static <T> T locked(ConfigDirectory dir, List<String> files, int i, Supplier<T> action) {
        if (i == files.size()) {
            return action.get();
        }
        return dir.locked(files.get(i), () -> locked(dir, files, i + 1, action));
    }

    /** Writes {@code write} from {@code restored} and deletes {@code delete}; on failure restores {@code before}. */
    static void apply(ConfigDirectory dir, BackupContent restored, List<String> write, List<String> delete,
                      BackupContent before, Backup taken) {
        List<String> touched = new ArrayList<>();
        String current = null;
        try {
            for (String name : write) {
                current = name;
                dir.write(name, restored.files().get(name));
                touched.add(name); // a write that fails leaves the file as it was (atomic rename)
            }
            for (String name : delete) {
                current = name;
                dir.delete(name);
                touched.add(name);
            }
        } catch (RuntimeException e) {
            List<String> failed = restore(dir, touched, before);
            String outcome = failed.isEmpty()
                    ? "the files already changed were put back as they were"
                    : "these files could not be put back: " + String.join(", ", failed);
            throw ConfigCicdException.external("the rollback failed at " + current + ": " + e.getMessage() + "; "
                    + outcome, "the state before the rollback is backup " + taken.id()
                    + " (config-cicd rollback --to-version " + taken.id() + ")", e);
        }
    }

    private static List<String> restore(ConfigDirectory dir, List<String> touched, BackupContent before) {
        List<String> failed = new ArrayList<>();
        for (String name : touched) {
            try {
                byte[] old = before.files().get(name);
                if (old == null) {
                    dir.delete(name);
                } else {
                    dir.write(name, old);
                }
            } catch (RuntimeException e) {
                failed.add(name);
            }
        }
        return failed;
    }
}
