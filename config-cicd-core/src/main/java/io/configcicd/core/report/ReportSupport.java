package io.configcicd.core.report;

import io.configcicd.core.validate.Finding;
import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/** What several writers share: JSON output, hashes and the message text with its fix. */
final class ReportSupport {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ReportSupport() {
    }

    static JsonMapper json() {
        return JSON;
    }

    /** Writes a JSON tree pretty-printed, followed by a newline, without closing {@code out}. */
    static void writeJson(JsonNode node, Writer out) throws IOException {
        out.write(JSON.writerWithDefaultPrettyPrinter().writeValueAsString(node));
        out.write('\n');
        out.flush();
    }

    /** The lower-case hex digest of the parts, separated by NUL so that ("ab","c") and ("a","bc") differ. */
    static String hash(String algorithm, String... parts) {
        try {
            MessageDigest digest = MessageDigest.getInstance(algorithm);
            for (String part : parts) {
                digest.update(part.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
            }
            return HexFormat.of().formatHex(digest.digest());
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("the JDK has no " + algorithm, e);
        }
    }

    /** The message, then "Fix: ..." on a line of its own when the finding offers a fix. */
    static String messageWithFix(Finding finding) {
        return finding.fix()
                .map(fix -> finding.message() + "\nFix: " + fix.description())
                .orElse(finding.message());
    }

    /** {@code configuration/global/base.yaml:30:11}, without line or column when the origin has none. */
    static String location(Report report, Finding finding) {
        String file = report.repositoryPath(finding.origin());
        String where = file.isEmpty() ? report.configurationDirectory() : file;
        int line = finding.origin().line();
        int column = finding.origin().column();
        if (line <= 0) {
            return where;
        }
        return column > 0 ? where + ":" + line + ":" + column : where + ":" + line;
    }
}
