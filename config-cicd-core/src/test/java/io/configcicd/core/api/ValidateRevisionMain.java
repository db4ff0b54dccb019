package io.configcicd.core.api;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.validate.Finding;
import java.nio.file.Path;

/**
 * Run as a separate process by {@link ValidationServiceTest}, with a {@code java.io.tmpdir} where nothing can be
 * created: validates a configuration directory at a revision and prints each finding's rule and origin, or the
 * error, and exits with its code.
 */
public final class ValidateRevisionMain {

    private ValidateRevisionMain() {
    }

    public static void main(String[] args) {
        try {
            ValidateOutcome outcome = new ValidationService("test").validate(ValidateRequest.of(Path.of(args[0]))
                    .withRevision(args[1]));
            for (Finding f : outcome.report().findings()) {
                System.out.println(f.ruleId() + " " + outcome.report().repositoryPath(f.origin()) + ":" + f.origin().line());
            }
        } catch (ConfigCicdException e) {
            System.out.println("error: " + e.getMessage());
            System.exit(e.kind().exitCode());
        }
    }
}
