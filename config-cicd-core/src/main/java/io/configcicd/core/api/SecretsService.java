package io.configcicd.core.api;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.event.Event;
import io.configcicd.core.load.Utf8;
import io.configcicd.core.model.Format;
import io.configcicd.core.repo.ConfigDirectory;
import io.configcicd.core.security.SecretMasker;
import io.configcicd.core.security.access.AccessPolicy;
import io.configcicd.core.security.access.FileReach;
import io.configcicd.core.security.access.Permission;
import io.configcicd.core.security.audit.AuditEvent;
import io.configcicd.core.security.crypto.KeyLoader;
import io.configcicd.core.security.crypto.KeyRing;
import io.configcicd.core.security.crypto.Rekey;
import io.configcicd.core.security.crypto.SecretCipher;
import io.configcicd.core.security.crypto.SecretKeyMaterial;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The secrets of a configuration directory: {@link #encrypt} a value into {@code ENC[...]}, {@link #decrypt} one
 * (AES-256-GCM, the key of {@code CONFIG_CICD_KEY} or a key file), and {@link #rekey} every {@code ENC[...]} value of
 * every file under a new key. Each operation checks access and writes its audit lines itself, through the
 * workspace's {@link Governance}: encrypting needs write (audited without the value), decrypting needs reveal on
 * every environment whose files hold the value ({@link Governance#requireDecrypt}), rekeying needs write on every file
 * it may rewrite.
 */
public final class SecretsService {

    /** What every output shows in place of a secret value ({@link SecretMasker#MASK}). */
    public static final String MASK = SecretMasker.MASK;

    /** Where the new key of a rekey comes from when no file is given. */
    public static final String NEW_KEY_ENV = "CONFIG_CICD_NEW_KEY";

    /**
     * Encrypts the request's value with the current key and audits it ({@code encrypt}, with the key id, never the
     * value).
     *
     * @throws io.configcicd.core.security.access.AccessDeniedException without write permission (audited)
     * @throws ConfigCicdException bad input when the value is empty or there is no usable key
     */
    public EncryptOutcome encrypt(Workspace ws, EncryptRequest request) {
        Governance governance = ws.governance();
        governance.require(Permission.WRITE, AccessPolicy.ANY_ENVIRONMENT, "encrypt");
        if (request.value().isEmpty()) {
            throw ConfigCicdException.badInput("--value is empty", "give the secret to encrypt");
        }
        SecretCipher cipher = new SecretCipher(KeyLoader.require(ws.env(), request.keyFile()));
        String enc = cipher.encrypt(request.value());
        governance.record("encrypt", "", "", "", Optional.empty(), Optional.empty(),
                AuditEvent.OK + ": key " + cipher.keyId());
        return new EncryptOutcome(enc, cipher.keyId());
    }

    /**
     * Decrypts the request's {@code ENC[...]} value after checking that the principal may reveal it, and audits it
     * ({@code decrypt}, with the files that hold the value and the key id).
     *
     * @throws io.configcicd.core.security.access.AccessDeniedException without reveal where the value is (audited)
     * @throws ConfigCicdException bad input when the value is not an {@code ENC[...]} text or the key does not open it
     */
    public DecryptOutcome decrypt(Workspace ws, DecryptRequest request) {
        String value = request.value();
        if (!SecretCipher.isEncrypted(value)) {
            throw ConfigCicdException.badInput("--value is not an ENC[...] value", "pass the whole ENC[...] text, quoted");
        }
        Governance governance = ws.governance();
        FileReach reach = governance.requireDecrypt(ws.configDirectory(), value.strip(), "decrypt");
        String plain = new SecretCipher(KeyLoader.require(ws.env(), request.keyFile())).decrypt(value);
        String keyId = SecretCipher.keyIdOf(value);
        governance.record("decrypt", reach, AuditEvent.OK + ": key " + keyId);
        return new DecryptOutcome(plain, keyId);
    }

    /**
     * Re-encrypts every {@code ENC[...]} value of every base and override document under the new key, in place
     * (comments kept), each file atomically under its lock and audited before it is written and after (a run killed
     * in between leaves a "started" line for the file). Every value must open with the old key before the first file
     * is written; values already under the new key are left alone, so an interrupted run can be run again.
     *
     * @throws io.configcicd.core.security.access.AccessDeniedException without write on every file (audited)
     * @throws ConfigCicdException bad input when a key is missing or a value does not open with the old key
     */
    public RekeyOutcome rekey(Workspace ws, RekeyRequest request) {
        ConfigDirectory dir = ws.configDirectory();
        Governance governance = ws.governance();
        governance.requireFiles(Permission.WRITE, rewritable(dir), "rekey");
        SecretCipher from = new SecretCipher(KeyLoader.require(ws.env(), request.keyFile()));
        SecretCipher to = new SecretCipher(KeyRing.of(newKey(ws.env(), request)));
        List<String> files = rewritable(dir);
        Rekey rekey = new Rekey(from, to);
        // every value must open with the old key before the first file is written: never stop half way
        rekey.precheck(files.stream().map(f -> new Rekey.Document(f, Format.ofFileName(f).orElseThrow(),
                read(dir, f))).toList());
        List<RekeyOutcome.RekeyedFile> changed = new ArrayList<>();
        for (String file : files) {
            Rekey.Result r = dir.locked(file, () -> rewrite(ws, dir, file, rekey, from.keyId() + " to " + to.keyId()));
            if (r.changed()) {
                changed.add(new RekeyOutcome.RekeyedFile(file, r.reencrypted()));
            }
        }
        return new RekeyOutcome(from.keyId(), to.keyId(), changed);
    }

    /** One file under its lock: re-encrypted, and when anything changed, written between two audit lines. */
    private static Rekey.Result rewrite(Workspace ws, ConfigDirectory dir, String file, Rekey rekey, String keys) {
        Rekey.Result result = rekey.apply(read(dir, file), Format.ofFileName(file).orElseThrow(), file);
        if (!result.changed()) {
            return result;
        }
        Governance governance = ws.governance();
        AuditEvent intent = governance.event("rekey", "file", file, ""); // audited before the file is written
        governance.audited(intent, () -> {
            dir.write(file, result.text().getBytes(StandardCharsets.UTF_8));
            return result;
        }, done -> intent.withResult(AuditEvent.OK + ": " + done.reencrypted() + " value(s) from key " + keys));
        ws.events().accept(new Event.FileWritten(ws.clock().instant(), "rekey", file));
        return result;
    }

    private static String read(ConfigDirectory dir, String file) {
        return Utf8.decode(dir.readBytes(file, dir.settings().limits()), file);
    }

    private static SecretKeyMaterial newKey(Map<String, String> env, RekeyRequest request) {
        if (request.newKeyFile().isPresent()) {
            return KeyLoader.fromFile(request.newKeyFile().get(), "--new-key-file");
        }
        return KeyLoader.fromVariable(env, NEW_KEY_ENV).orElseThrow(() -> ConfigCicdException.badInput(
                "no new key given", "pass --new-key-file FILE or set " + NEW_KEY_ENV + "; " + KeyLoader.GENERATE_HINT));
    }

    /** The files a rekey may rewrite: every base and override document (write is needed on all they reach). */
    private static List<String> rewritable(ConfigDirectory dir) {
        List<String> files = new ArrayList<>(dir.globalDocuments());
        dir.environments().forEach(e -> dir.environmentDocument(e).ifPresent(files::add));
        return files;
    }
}
