package io.configcicd.core.security.crypto;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Format;
import io.configcicd.core.repo.Codecs;
import io.configcicd.core.repo.edit.DocumentEditor;
import io.configcicd.core.repo.edit.Editors;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Re-encrypts every {@code ENC[...]} value of one document under a new key, editing the text in place with the
 * comment-preserving editors: only the encrypted values change, comments, key order and quoting stay as written.
 * A pure function on text; the caller reads and writes the file (atomically) and audits the change.
 *
 * <p>Values already under the new key are left alone, so a rekey that stopped half way can simply be run again.
 * Plaintexts exist only in memory, one at a time.
 */
public final class Rekey {

    /**
     * What a rekey did.
     *
     * @param text           the new document text (the same text when nothing changed)
     * @param reencrypted    how many values were re-encrypted (a YAML alias shares its anchor's value)
     * @param alreadyCurrent how many values were already under the new key
     */
    public record Result(String text, int reencrypted, int alreadyCurrent) {

        public Result {
            Objects.requireNonNull(text, "text");
        }

        /** Whether the text changed. */
        public boolean changed() {
            return reencrypted > 0;
        }
    }

    /**
     * One document of a rekey, as {@link #precheck} reads it.
     *
     * @param fileName the name used in origins and messages
     */
    public record Document(String fileName, Format format, String text) {

        public Document {
            Objects.requireNonNull(fileName, "fileName");
            Objects.requireNonNull(format, "format");
            Objects.requireNonNull(text, "text");
        }
    }

    /** How many problems a refused pre-check lists; the count says how many there are. */
    private static final int LISTED = 10;

    private final SecretCipher from;
    private final SecretCipher to;
    private final Codecs codecs;

    /**
     * @param from decrypts the current values (it holds their keys)
     * @param to   encrypts the new values (its primary key is the new key)
     */
    public Rekey(SecretCipher from, SecretCipher to, Codecs codecs) {
        this.from = Objects.requireNonNull(from, "from");
        this.to = Objects.requireNonNull(to, "to");
        this.codecs = Objects.requireNonNull(codecs, "codecs");
    }

    public Rekey(SecretCipher from, SecretCipher to) {
        this(from, to, Codecs.standard());
    }

    /**
     * The document with every encrypted value re-encrypted under the new key.
     *
     * <p>An {@code ENC[...]} text is made of characters that no format escapes, and its random nonce makes it unique,
     * so when it occurs exactly once in the document that occurrence is the value and is replaced where it stands.
     * This also covers what the editors cannot change in place (a YAML anchor and its aliases, which share one value;
     * a value inside a TOML array of tables). Otherwise (the same text also sits in a comment, say) the format's
     * {@link DocumentEditor} rewrites the value at its path. The result is parsed again and checked: every encrypted
     * value is under the new key.
     *
     * @param fileName the name used in origins and messages
     * @throws io.configcicd.core.ConfigCicdException (bad input) when the text does not parse, or naming the
     *                                                file:line of a value the old keys cannot decrypt or that
     *                                                could not be rewritten; nothing is changed then
     */
    public Result apply(String text, Format format, String fileName) {
        List<EncryptedValue> values = parse(text, format, fileName);
        DocumentEditor editor = Editors.of(format);
        Set<String> replaced = new HashSet<>();
        String out = text;
        int done = 0;
        int current = 0;
        for (EncryptedValue v : values) {
            ConfigScalar s = v.scalar();
            if (Envelope.keyIdOf(v.text(), s.origin()).equals(to.keyId())) {
                current++;
                continue;
            }
            if (replaced.contains(v.text())) {
                continue;
            }
            String enc = to.encrypt(from.decrypt(v.text(), s.origin()));
            int at = out.indexOf(v.text());
            if (at >= 0 && out.indexOf(v.text(), at + 1) < 0) {
                out = out.substring(0, at) + enc + out.substring(at + v.text().length());
                replaced.add(v.text());
            } else {
                out = editor.set(out, v.path(), ConfigScalar.string(enc, s.origin()), fileName);
            }
            done++;
        }
        if (done > 0) {
            check(parse(out, format, fileName), values.size());
        }
        return new Result(out, done, current);
    }

    /**
     * Checks, before any file is written, that every encrypted value of every document that is not already under
     * the new key opens with the old key, so a rekey never stops half way because of a value under a third key or
     * an altered one. The plaintexts are dropped as soon as they are checked.
     *
     * @return how many values a rekey would re-encrypt
     * @throws ConfigCicdException (bad input) at the file:line of the first value that does not open (or of a
     *                             document that does not parse), listing every such value with its key id
     */
    public int precheck(List<Document> documents) {
        List<ConfigCicdException> failed = new ArrayList<>();
        int count = 0;
        for (Document d : documents) {
            for (EncryptedValue v : parse(d.text(), d.format(), d.fileName())) {
                if (Envelope.keyIdOf(v.text(), v.scalar().origin()).equals(to.keyId())) {
                    continue;
                }
                try {
                    from.decrypt(v.text(), v.scalar().origin());
                    count++;
                } catch (ConfigCicdException e) {
                    failed.add(e);
                }
            }
        }
        if (!failed.isEmpty()) {
            throw refused(failed);
        }
        return count;
    }

    private ConfigCicdException refused(List<ConfigCicdException> failed) {
        StringBuilder problem = new StringBuilder("rekey refused, no file was written: " + failed.size()
                + " value(s) do not open with the old key " + from.keyId() + ":");
        for (ConfigCicdException e : failed.subList(0, Math.min(LISTED, failed.size()))) {
            problem.append("\n  ").append(e.origin()).append(": ").append(e.problem());
        }
        if (failed.size() > LISTED) {
            problem.append("\n  ... and ").append(failed.size() - LISTED).append(" more");
        }
        return ConfigCicdException.badInput(failed.get(0).origin(), problem.toString(),
                "run rekey with the key those values are under first (CONFIG_CICD_KEY or --key-file), or encrypt them "
                        + "again with the old key (config-cicd encrypt --value ...), then run rekey again");
    }

    private List<EncryptedValue> parse(String text, Format format, String fileName) {
        byte[] bytes = text.getBytes(StandardCharsets.UTF_8);
        return EncryptedValue.findAll(codecs.of(format).parse(bytes, fileName, LoadLimits.DEFAULT));
    }

    private void check(List<EncryptedValue> after, int expected) {
        for (EncryptedValue v : after) {
            if (!Envelope.keyIdOf(v.text(), v.scalar().origin()).equals(to.keyId())) {
                throw ConfigCicdException.badInput(v.scalar().origin(), "cannot re-encrypt " + v.path()
                        + " in place", "encrypt it again by hand with: config-cicd encrypt --value ...");
            }
        }
        if (after.size() != expected) {
            throw new IllegalStateException("rekey changed the number of encrypted values from " + expected + " to "
                    + after.size());
        }
    }
}
