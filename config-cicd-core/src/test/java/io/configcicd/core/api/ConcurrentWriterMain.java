package io.configcicd.core.api;

import io.configcicd.core.model.Scope;
import java.nio.file.Path;

/** Run as a separate process by {@link ConcurrentProcessesIT}: sets {@code count} keys of its own. */
public final class ConcurrentWriterMain {

    private ConcurrentWriterMain() {
    }

    public static void main(String[] args) {
        Path dir = Path.of(args[0]);
        String writer = args[1];
        int count = Integer.parseInt(args[2]);
        try (ConfigurationManager m = ConfigurationManager.open(dir)) {
            for (int i = 0; i < count; i++) {
                m.updateConfiguration(Scope.ENVIRONMENT, "production", "writers." + writer + ".key" + i, i);
            }
        }
    }
}
