package io.configcicd.core.load;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.regex.MatchResult;
import java.util.regex.Pattern;

/** Assertions on the loaders' errors shared by the format tests. */
public final class ParseErrors {

    private ParseErrors() {
    }

    /**
     * Asserts that an error about a broken file names a line and column, says what was expected, and shows none of
     * the given texts anywhere: not in its message, its hint, or any cause printed with {@code --stacktrace}.
     */
    public static void assertSaysWhatWasExpectedAndShowsNone(ConfigParseException e, String input,
                                                             String... hidden) {
        assertThat(e).as("rejected: " + input).isNotNull();
        assertThat(e.origin().line()).as(input).isPositive();
        assertThat(e.origin().column()).as(input).isPositive();
        assertThat(e.problem()).as(input).containsAnyOf("expected", "after the end of the document");
        StringWriter trace = new StringWriter();
        e.printStackTrace(new PrintWriter(trace));
        for (String h : hidden) {
            assertThat(trace.toString()).as(input).doesNotContain(h);
        }
    }

    /** The words (letters, digits, '_') of a file longer than {@link ParseMessages#MAX_QUOTED} characters. */
    public static List<String> longWords(byte[] file) {
        String text = new String(file, StandardCharsets.ISO_8859_1);
        return Pattern.compile("[A-Za-z0-9_]{" + (ParseMessages.MAX_QUOTED + 1) + ",}").matcher(text).results()
                .map(MatchResult::group).toList();
    }

    /**
     * Asserts that the problem of a rejection quotes no word of the file longer than a few characters, except the
     * keys and tables it names (a key is a name, never a secret).
     */
    public static void assertQuotesNoLongWord(ConfigParseException e, byte[] file, String name) {
        String problem = e.problem().replaceAll("key '[^']*'|table \\[[^]]*]|\\[\\[[^]]*]]|add to '[^']*'|^'[^']*'", "K");
        for (String word : longWords(file)) {
            assertThat(problem).as(name + ": the message quotes a word of the file").doesNotContain(word);
        }
    }
}
