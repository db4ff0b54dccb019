package io.configcicd.action;

import io.configcicd.core.ConfigCicdException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The values of the {@code command} input (ARCHITECTURE 5). */
enum ActionCommand {
    VALIDATE("validate"),
    ASSESS("assess"),
    DEPLOY("deploy"),
    DRIFT("drift"),
    MONITOR("monitor"),
    TEST_STORES("test-stores");

    private final String word;

    ActionCommand(String word) {
        this.word = word;
    }

    String word() {
        return word;
    }

    /**
     * The command an input names, ignoring case and blanks.
     *
     * @throws ConfigCicdException bad input for an unknown command
     */
    static ActionCommand parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (ActionCommand c : values()) {
            if (c.word.equals(t)) {
                return c;
            }
        }
        throw ConfigCicdException.badInput("input command: unknown command '" + text + "'",
                "use one of " + Arrays.stream(values()).map(ActionCommand::word).collect(Collectors.joining(", ")));
    }
}
