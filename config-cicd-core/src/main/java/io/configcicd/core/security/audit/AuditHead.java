package io.configcicd.core.security.audit;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.repo.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The head file beside the log: the count of lines and the hash of the last one, one line
 * {@code {"count":N,"hash":"<64 hex>"}}, replaced atomically after every append.
 */
record AuditHead(long count, String hash) {

    private static final Pattern FORMAT = Pattern.compile("\\{\"count\":(\\d{1,18}),\"hash\":\"([0-9a-f]{64})\"}\\s*");

    static final AuditHead EMPTY = new AuditHead(0, AuditLines.ZERO_HASH);

    /** What a head file holds: absent, a head, or something unreadable. */
    sealed interface State permits Missing, Present, Malformed {
    }

    record Missing() implements State {
    }

    record Present(AuditHead head) implements State {
    }

    record Malformed(String text) implements State {
    }

    static State read(Path file) {
        String text;
        try {
            text = Files.readString(file, StandardCharsets.UTF_8);
        } catch (NoSuchFileException e) {
            return new Missing();
        } catch (IOException e) {
            throw ConfigCicdException.external("cannot read " + file + ": " + e.getMessage(),
                    "check the permissions of the audit directory", e);
        }
        Matcher m = FORMAT.matcher(text);
        if (!m.matches()) {
            return new Malformed(text.length() > 80 ? text.substring(0, 80) + "..." : text);
        }
        return new Present(new AuditHead(Long.parseLong(m.group(1)), m.group(2)));
    }

    void write(Path file) {
        AtomicFiles.write(file, ("{\"count\":" + count + ",\"hash\":\"" + hash + "\"}\n").getBytes(StandardCharsets.US_ASCII));
    }
}
