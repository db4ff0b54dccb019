package io.configcicd.core.security.audit;

import java.nio.file.Path;

/** Appends events to a log from a separate JVM, for the cross-process test: {@code LOG COUNT TAG}. */
public final class AppendProcess {

    private AppendProcess() {
    }

    public static void main(String[] args) {
        AuditLog log = AuditFixtures.log(Path.of(args[0]));
        int count = Integer.parseInt(args[1]);
        for (int i = 0; i < count; i++) {
            log.append(AuditFixtures.event(i).withDetail("writer", args[2]));
        }
    }
}
