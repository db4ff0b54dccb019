package io.configcicd.core.security.audit;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.security.audit.VerifyResult.Kind;
import io.configcicd.core.security.audit.VerifyResult.Problem;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * Checks an audit log ({@link AuditLog} defines the format) against its head file: every line must be a
 * complete audit line whose hash matches its content, whose {@code prev} is the hash of the line before
 * it and whose {@code seq} follows; the head file must name the last line. Any edited, deleted, inserted,
 * reordered or torn line is reported, and so is truncation of the end, which only the head can show. With the
 * key ({@link AuditKey}) every keyed line's MAC is checked too ({@link SealCheck}); with a git anchor
 * ({@link AuditAnchor}) the log must end with the anchored line ({@link AnchorCheck}); with an expected head the
 * log must contain it. A log, head or audit folder that is a symbolic link is not followed: that is a problem.
 *
 * <h2>Limits</h2>
 * <ul>
 *   <li>Unkeyed, the chain alone does not stop someone who can write the log: they can rewrite it from some line on,
 *       re-hash every following line and rewrite the head file, and the result verifies; so can someone who deletes
 *       both the log and the head. The keyed chain stops the first (the MAC cannot be recomputed without the key),
 *       the git anchor and an expected head stop both, up to the head they name.</li>
 *   <li>The git anchor is a ref of the same repository: whoever can write the repository can move or delete it
 *       (a missing anchor is reported; one moved back to an earlier head is not). Push it to a remote that refuses
 *       non-fast-forward updates and deletions, and compare with that copy ({@code --expect-head}).</li>
 *   <li>Nothing here shows lines that were never written (auditing disabled, or the log moved elsewhere by the
 *       settings), the truth of what a line says (who the principal was), or a log cut back to an earlier head that
 *       was recorded nowhere else.</li>
 *   <li>Classification (which kind a problem is) is best effort; a single mutation may be reported as more
 *       than one problem. Detection is not best effort: a changed log never verifies.</li>
 * </ul>
 */
public final class AuditVerifier {

    private static final byte[] LINE_START = "{\"seq\":".getBytes(StandardCharsets.US_ASCII);

    private AuditVerifier() {
    }

    /** Verifies a log against its head file, unkeyed and without a git anchor. A missing log reads as empty. */
    public static VerifyResult verify(Path log, Path head) {
        return verify(log, head, Optional.empty());
    }

    /**
     * Verifies a log against its head file and, when given, a head hash kept elsewhere: the log must then
     * contain an intact line with that hash (the log may have grown since). Unkeyed, without a git anchor.
     *
     * @throws ConfigCicdException bad input when {@code expectedHead} is not 64 hex digits; external when
     *                             a file cannot be read
     */
    public static VerifyResult verify(Path log, Path head, Optional<String> expectedHead) {
        return verify(LogFiles.of(log), head, expectedHead, Optional.empty(), Optional.empty());
    }

    /** Verifies a log with its key (to check MACs) and its git anchor, when it has them. */
    static VerifyResult verify(LogFiles files, Optional<String> expectedHead, Optional<AuditKey> key,
                               Optional<AuditAnchor> anchor) {
        return verify(files, files.head(), expectedHead, key, anchor);
    }

    private static VerifyResult verify(LogFiles files, Path head, Optional<String> expectedHead, Optional<AuditKey> key,
                                       Optional<AuditAnchor> anchor) {
        Optional<String> expected = expectedHead.map(h -> h.trim().toLowerCase(Locale.ROOT));
        if (expected.isPresent() && !AuditLines.isHash(expected.get())) {
            throw ConfigCicdException.badInput("--expect-head '" + expectedHead.get() + "' is not a SHA-256 hash",
                    "give the 64 hex digits that audit verify printed as the head hash");
        }
        Optional<Path> link = files.firstLink();
        if (link.isPresent()) {
            return new VerifyResult(0, AuditLines.ZERO_HASH, List.of(new Problem(0, Kind.LINK, link.get()
                    + " is a symbolic link (to " + LogFiles.target(link.get()) + "): not followed, the log may be "
                    + "elsewhere; replace it by the real folder or file")), List.of(), List.of());
        }
        List<byte[]> lines = new ArrayList<>();
        boolean lastTerminated = split(read(files.log()), lines);
        List<Problem> problems = new ArrayList<>();
        List<ChainCheck.Link> links = readable(lines, lastTerminated, key, problems);
        problems.addAll(ChainCheck.check(links));
        String lastHash = links.isEmpty() ? AuditLines.ZERO_HASH : links.get(links.size() - 1).entry().hash();
        AuditHead.State headState = AuditHead.read(head);
        problems.addAll(HeadCheck.check(headState, links, lines.size()));
        List<String> checks = new ArrayList<>();
        SealCheck.Outcome seal = SealCheck.check(links, key);
        problems.addAll(seal.problems());
        checks.add(seal.check());
        AnchorCheck.Outcome anchored = AnchorCheck.check(anchor, links, headState, lines.size());
        problems.addAll(anchored.problems());
        checks.add(anchored.check());
        expected.ifPresent(h -> {
            boolean found = links.stream().anyMatch(l -> l.entry().hash().equals(h) && l.entry().hashMatches());
            if (!found) {
                problems.add(new Problem(0, Kind.HEAD_MISMATCH, "the expected head " + h + " is not in the log: "
                        + "the log was truncated or rewritten since that head was recorded"));
            }
            checks.add("expected head " + h + ": " + (found ? "in the log" : "NOT in the log"));
        });
        return new VerifyResult(lines.size(), lastHash, problems, checks, Outcomes.unfinished(links));
    }

    private static byte[] read(Path log) {
        try {
            return Files.readAllBytes(log);
        } catch (NoSuchFileException e) {
            return new byte[0];
        } catch (IOException e) {
            throw ConfigCicdException.external("cannot read the audit log " + log + ": " + e.getMessage(),
                    "check the permissions of the audit directory", e);
        }
    }

    /** Splits at '\n' into {@code out}; returns whether the last line was terminated. */
    private static boolean split(byte[] bytes, List<byte[]> out) {
        int start = 0;
        for (int i = 0; i < bytes.length; i++) {
            if (bytes[i] == '\n') {
                out.add(Arrays.copyOfRange(bytes, start, i));
                start = i + 1;
            }
        }
        if (start < bytes.length) {
            out.add(Arrays.copyOfRange(bytes, start, bytes.length));
            return false;
        }
        return true;
    }

    /** The lines that parse, in order; the others are reported as torn or malformed. */
    private static List<ChainCheck.Link> readable(List<byte[]> lines, boolean lastTerminated, Optional<AuditKey> key,
                                                  List<Problem> problems) {
        List<ChainCheck.Link> links = new ArrayList<>();
        int unreadable = 0;
        for (int i = 0; i < lines.size(); i++) {
            byte[] line = lines.get(i);
            boolean unterminated = i == lines.size() - 1 && !lastTerminated;
            Optional<AuditLines.Entry> entry = unterminated ? Optional.empty() : AuditLines.parse(line, key);
            if (entry.isPresent()) {
                links.add(new ChainCheck.Link(i + 1, entry.get(), unreadable));
                unreadable = 0;
                continue;
            }
            unreadable++;
            if (unterminated) {
                problems.add(new Problem(i + 1, Kind.TORN, "the last line is incomplete (no newline): "
                        + "a write that did not finish, or a line cut short"));
            } else if (looksTorn(line)) {
                problems.add(new Problem(i + 1, Kind.TORN, "an incomplete line: a write that did not finish"));
            } else {
                problems.add(new Problem(i + 1, Kind.MALFORMED, line.length == 0 ? "an empty line"
                        : "not an audit line (not JSON, or seq, prev or hash missing)"));
            }
        }
        return links;
    }

    /** Whether a line is the start of an audit line cut short. */
    private static boolean looksTorn(byte[] line) {
        return line.length > 0 && line[line.length - 1] != '}'
                && Arrays.equals(line, 0, Math.min(line.length, LINE_START.length), LINE_START, 0,
                Math.min(line.length, LINE_START.length));
    }
}
