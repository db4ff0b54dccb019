package io.configcicd.cli;

import java.io.ByteArrayOutputStream;
import java.io.OutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.function.Predicate;

/**
 * Runs a command line in this process and, the first time it prints a line on standard error that {@code when}
 * accepts, runs an action on the CLI's thread before the command goes on: a hook between the engine's steps (a deploy's
 * {@code "deploy: journal ... started"}, a monitor's {@code "round 1: healthy ..."}), without sleeps.
 */
final class HookedRun {

    private HookedRun() {
    }

    /** What a hook does: kill a server, write a key, break a target, deploy again. */
    interface Hook {
        void run() throws Exception;
    }

    /** @throws AssertionError when the hook never fired */
    static CliRun run(Map<String, String> env, Predicate<String> when, Hook action, String... args) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        HookedLines err = new HookedLines(when, action);
        int code;
        try (PrintStream o = new PrintStream(out, true, StandardCharsets.UTF_8);
             PrintStream e = new PrintStream(err, true, StandardCharsets.UTF_8)) {
            code = ConfigCicdCli.run(o, e, env, args);
        }
        if (!err.fired) {
            throw new AssertionError("the hook never fired; standard error was:\n" + err.text());
        }
        return new CliRun(code, out.toString(StandardCharsets.UTF_8), err.text());
    }

    /** Standard error, line by line, firing the hook once. */
    private static final class HookedLines extends OutputStream {

        private final Predicate<String> when;
        private final Hook action;
        private final ByteArrayOutputStream all = new ByteArrayOutputStream();
        private final ByteArrayOutputStream line = new ByteArrayOutputStream();
        private boolean fired;

        HookedLines(Predicate<String> when, Hook action) {
            this.when = when;
            this.action = action;
        }

        @Override
        public void write(int b) {
            all.write(b);
            if (b != '\n') {
                line.write(b);
                return;
            }
            String text = line.toString(StandardCharsets.UTF_8);
            line.reset();
            if (!fired && when.test(text)) {
                fired = true;
                try {
                    action.run();
                } catch (Exception e) {
                    throw new IllegalStateException("the hook failed", e);
                }
            }
        }

        String text() {
            return all.toString(StandardCharsets.UTF_8);
        }
    }
}
