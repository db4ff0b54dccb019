package io.configcicd.core.api;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.repo.CommandLineValue;

/**
 * Reads a value given on a command line the way YAML reads it: {@code 5} is an integer, {@code true} a
 * boolean, {@code "5"} (quotes included) a string, {@code [a, b]} a list, {@code {k: v}} a mapping,
 * {@code null} null, anything else a string. An empty text is the empty string.
 *
 * <p>What YAML would silently drop is not guessed at: a text that starts with {@code #} and holds one line
 * ({@code #ff0000}) is that string, since YAML would read it as a comment and nothing else; any other text
 * with a YAML comment ({@code blue # note}), a blank text, text that is not YAML, and a number that a
 * 64-bit float cannot hold ({@code 1e400}, {@code 1e-400}) are refused as bad input with a hint to quote the
 * value. Messages never repeat the value: it may be a secret. The rules are {@link CommandLineValue}'s, which
 * report rendering shares.
 */
public final class ValueParser {

    /** The name of the value in messages: {@code --value:1:6}. */
    public static final String SOURCE = CommandLineValue.SOURCE;

    private ValueParser() {
    }

    /**
     * The value that {@code text} stands for.
     *
     * @throws ConfigCicdException bad input at {@code --value:line:column} when the text is not a value
     */
    public static ConfigNode parse(String text) {
        return CommandLineValue.parse(text);
    }
}
