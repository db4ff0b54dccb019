package io.configcicd.core.store.file;

import io.configcicd.core.store.ConfigStore;
import io.configcicd.core.store.DeployedRecord;
import io.configcicd.core.store.StoreContent;
import io.configcicd.core.store.StoreContext;
import io.configcicd.core.store.StoreException;
import io.configcicd.core.store.StoreProviders;
import io.configcicd.core.store.StoreState;
import io.configcicd.core.store.TargetSpec;
import io.configcicd.core.store.TargetSpecs;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Map;

/**
 * A second process for {@link FileStoreProcessesIT}: increments the counter entry of a keys-layout file target
 * {@code args[2]} times, each time read, apply with check-and-set, and on a conflict read again. Exit 0 when done.
 */
public final class FileStoreWriterMain {

    private FileStoreWriterMain() {
    }

    public static void main(String[] args) {
        Path root = Path.of(args[0]);
        String writer = args[1];
        int increments = Integer.parseInt(args[2]);
        StoreProviders providers = StoreProviders.installed();
        TargetSpec spec = TargetSpecs.parse("local", Map.of("type", "file", "layout", "keys"), "race", providers);
        try (ConfigStore store = providers.open(spec, new StoreContext(Clock.systemUTC(), root))) {
            int done = 0;
            while (done < increments) {
                StoreState read = store.read();
                String now = read.content() instanceof StoreContent.Keys k ? k.entries().getOrDefault("counter", "0") : "0";
                StoreContent next = StoreContent.Keys.of(Map.of("counter", Long.toString(Long.parseLong(now) + 1),
                        "last", writer));
                try {
                    store.apply(StoreState.of(next, DeployedRecord.of(next, "c", writer + "-" + done,
                            Clock.systemUTC().instant())), read);
                    done++;
                } catch (StoreException e) {
                    if (e.reason() != StoreException.Reason.CONFLICT) {
                        throw e;
                    }
                }
            }
        }
    }
}
