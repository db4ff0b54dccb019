package io.configcicd.core.repo;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Format;
import io.configcicd.core.model.Origin;
import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.snakeyaml.engine.v2.api.LoadSettings;
import org.snakeyaml.engine.v2.api.lowlevel.Parse;
import org.snakeyaml.engine.v2.events.Event;
import org.snakeyaml.engine.v2.exceptions.Mark;
import org.snakeyaml.engine.v2.exceptions.YamlEngineException;

/**
 * Reads a value given on a command line the way YAML reads it: {@code 5} is an integer, {@code true} a
 * boolean, {@code "5"} (quotes included) a string, {@code [a, b]} a list, {@code {k: v}} a mapping,
 * {@code null} null, anything else a string. An empty text is the empty string.
 *
 * <p>What YAML would silently drop is not guessed at: a text that starts with {@code #} and holds one line
 * ({@code #ff0000}) is that string, since YAML would read it as a comment and nothing else; any other text
 * with a YAML comment ({@code blue # note}), a blank text, text that is not YAML, and a number that a
 * 64-bit float cannot hold ({@code 1e400}, {@code 1e-400}) are refused as bad input with a hint to quote the
 * value. Messages never repeat the value: it may be a secret.
 *
 * <p>Below the front door so that what parses a value ({@code io.configcicd.core.api.ValueParser}, which delegates
 * here) and what prints one so that it reads back as itself ({@code io.configcicd.core.report.ValueText}) are the
 * same rules.
 */
public final class CommandLineValue {

    /** The name of the value in messages: {@code --value:1:6}. */
    public static final String SOURCE = "--value";

    private static final String QUOTE = "quote the whole value to store it as a string: --value '\"...\"'";

    private CommandLineValue() {
    }

    /**
     * The value that {@code text} stands for.
     *
     * @throws ConfigCicdException bad input at {@code --value:line:column} when the text is not a value
     */
    public static ConfigNode parse(String text) {
        if (text.isEmpty()) {
            return ConfigScalar.string("", Origin.UNKNOWN);
        }
        if (text.isBlank()) {
            throw ConfigCicdException.badInput(Origin.of(SOURCE, 1, 1), "the value is only blanks, which YAML reads"
                    + " as nothing", QUOTE);
        }
        Optional<Mark> comment = firstComment(text);
        if (comment.isPresent()) {
            if (text.stripLeading().startsWith("#") && text.lines().count() == 1) {
                return ConfigScalar.string(text, Origin.UNKNOWN);
            }
            Mark m = comment.get();
            throw ConfigCicdException.badInput(Origin.of(SOURCE, m.getLine() + 1, m.getColumn() + 1),
                    "'#' here starts a YAML comment, so the rest of the value would be dropped",
                    QUOTE + ", or leave the comment out");
        }
        return yaml(text); // a float literal a double cannot hold is refused by the YAML loader (FloatLiterals)
    }

    private static ConfigNode yaml(String text) {
        try {
            return Codecs.standard().of(Format.YAML)
                    .parse(text.getBytes(StandardCharsets.UTF_8), SOURCE, LoadLimits.DEFAULT);
        } catch (ConfigCicdException e) {
            String hint = e.hint().isEmpty() ? QUOTE : e.hint() + "; or " + QUOTE;
            throw new ConfigCicdException(e.kind(), e.origin(), e.problem(), hint, e);
        }
    }

    /** Where the first YAML comment of the text starts; empty when it has none or is no YAML at all. */
    private static Optional<Mark> firstComment(String text) {
        try {
            for (Event e : new Parse(LoadSettings.builder().setParseComments(true).build()).parseString(text)) {
                if (e.getEventId() == Event.ID.Comment) {
                    return e.getStartMark();
                }
            }
        } catch (YamlEngineException e) {
            return Optional.empty(); // the product's own parser reports the syntax error
        }
        return Optional.empty();
    }
}
