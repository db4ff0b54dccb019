package io.configcicd.action;

import io.configcicd.core.ConfigCicdException;
import java.util.Arrays;
import java.util.Locale;
import java.util.stream.Collectors;

/** The values of the {@code command} input; only {@link #available()} ones run in this release. */
enum ActionCommand {
    VALIDATE("validate", true),
    ASSESS("assess", true),
    DEPLOY("deploy", true),
    DRIFT("drift", true),
    MONITOR("monitor", false),
    TEST_STORES("test-stores", true);

    private final String word;
    private final boolean available;

    ActionCommand(String word, boolean available) {
        this.word = word;
        this.available = available;
    }

    String word() {
        return word;
    }

    boolean available() {
        return available;
    }

    /**
     * The command an input names, ignoring case and blanks.
     *
     * @throws ConfigCicdException bad input for an unknown command, or one this release does not run
     */
    static ActionCommand parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        for (ActionCommand c : values()) {
            if (c.word.equals(t)) {
                if (!c.available) {
                    throw ConfigCicdException.badInput("command '" + c.word + "' is not available in this version of "
                            + "config-cicd", "this release runs " + availableWords() + "; monitor comes with a "
                            + "later release");
                }
                return c;
            }
        }
        throw ConfigCicdException.badInput("input command: unknown command '" + text + "'",
                "use one of " + availableWords());
    }

    private static String availableWords() {
        return Arrays.stream(values()).filter(ActionCommand::available).map(ActionCommand::word)
                .collect(Collectors.joining(", "));
    }
}
