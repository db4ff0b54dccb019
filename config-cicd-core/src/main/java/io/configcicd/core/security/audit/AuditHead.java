package io.configcicd.core.security.audit;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.repo.AtomicFiles;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The head file beside the log: the count of lines and the hash of the last one, one line
 * {@code {"count":N,"hash":"<64 hex>"}}, replaced atomically. While an append is under way it also announces the
 * hash of the line being written, {@code {"count":N,"hash":"...","next":"<64 hex>"}}: a line after the head is
 * adopted by the next append only when the head announced it (see {@link AuditLog}).
 *
 * @param next the hash of the line an unfinished append was writing; empty when no append is under way
 */
record AuditHead(long count, String hash, Optional<String> next) {

    private static final Pattern FORMAT = Pattern.compile(
            "\\{\"count\":(\\d{1,18}),\"hash\":\"([0-9a-f]{64})\"(?:,\"next\":\"([0-9a-f]{64})\")?}\\s*");

    static final AuditHead EMPTY = new AuditHead(0, AuditLines.ZERO_HASH);

    AuditHead(long count, String hash) {
        this(count, hash, Optional.empty());
    }

    /** This head announcing the line about to be appended. */
    AuditHead announcing(String nextHash) {
        return new AuditHead(count, hash, Optional.of(nextHash));
    }

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
        return new Present(new AuditHead(Long.parseLong(m.group(1)), m.group(2), Optional.ofNullable(m.group(3))));
    }

    void write(Path file) {
        String text = "{\"count\":" + count + ",\"hash\":\"" + hash + "\"" + next.map(n -> ",\"next\":\"" + n + "\"").orElse("")
                + "}\n";
        AtomicFiles.write(file, text.getBytes(StandardCharsets.US_ASCII));
    }
}
