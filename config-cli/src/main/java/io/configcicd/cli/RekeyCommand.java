package io.configcicd.cli;

import io.configcicd.core.api.ConfigurationManager;
import io.configcicd.core.api.Governance;
import io.configcicd.core.api.Workspace;
import io.configcicd.core.load.Utf8;
import io.configcicd.core.model.Format;
import io.configcicd.core.repo.ConfigDirectory;
import io.configcicd.core.security.access.Permission;
import io.configcicd.core.security.audit.AuditEvent;
import io.configcicd.core.security.crypto.KeyLoader;
import io.configcicd.core.security.crypto.KeyRing;
import io.configcicd.core.security.crypto.Rekey;
import io.configcicd.core.security.crypto.SecretCipher;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rekey --new-key-file F}: re-encrypts every {@code ENC[...]} value of every configuration file under a new
 * key, in place (comments kept), each file atomically under its lock, each file audited before it is written and
 * after (a run killed in between leaves a "started" entry for the file). Values already under the
 * new key are left alone, so an interrupted run can be run again.
 */
@Command(name = "rekey", description = "Re-encrypt every ENC[...] value of the configuration under a new key. The old "
        + "key comes from CONFIG_CICD_KEY or --key-file, the new one from --new-key-file or CONFIG_CICD_NEW_KEY.")
final class RekeyCommand extends ConfigCommand {

    private static final String NEW_KEY_ENV = "CONFIG_CICD_NEW_KEY";

    @Option(names = "--key-file", paramLabel = "FILE", description = "The current key (default: CONFIG_CICD_KEY).")
    private Path keyFile;

    @Option(names = "--new-key-file", paramLabel = "FILE", description = "The new key (default: CONFIG_CICD_NEW_KEY).")
    private Path newKeyFile;

    @Override
    protected void execute(Workspace workspace, Output output) {
        ConfigurationManager manager = workspace.manager();
        Governance governance = workspace.governance();
        governance.requireFiles(Permission.WRITE, rewritable(manager.directory()), "rekey");
        Map<String, String> env = cli().env();
        SecretCipher from = new SecretCipher(KeyLoader.require(env, Optional.ofNullable(keyFile)));
        SecretCipher to = new SecretCipher(KeyRing.of(newKeyFile != null ? KeyLoader.fromFile(newKeyFile, "--new-key-file")
                : KeyLoader.fromVariable(env, NEW_KEY_ENV).orElseThrow(() -> io.configcicd.core.ConfigCicdException
                .badInput("no new key given", "pass --new-key-file FILE or set " + NEW_KEY_ENV + "; "
                        + KeyLoader.GENERATE_HINT))));
        ConfigDirectory dir = manager.directory();
        List<String> files = rewritable(dir);
        Rekey rekey = new Rekey(from, to);
        // every value must open with the old key before the first file is written: never stop half way
        rekey.precheck(files.stream().map(f -> new Rekey.Document(f, Format.ofFileName(f).orElseThrow(),
                Utf8.decode(dir.readBytes(f, dir.settings().limits()), f))).toList());
        List<Map<String, Object>> changed = new ArrayList<>();
        int total = 0;
        for (String file : files) {
            Rekey.Result r = dir.locked(file, () -> {
                String text = Utf8.decode(dir.readBytes(file, dir.settings().limits()), file);
                Rekey.Result result = rekey.apply(text, Format.ofFileName(file).orElseThrow(), file);
                if (result.changed()) { // audited before the file is written, the outcome after
                    AuditEvent intent = governance.event("rekey", "file", file, "");
                    governance.audited(intent, () -> {
                        dir.write(file, result.text().getBytes(StandardCharsets.UTF_8));
                        return result;
                    }, done -> intent.withResult(AuditEvent.OK + ": " + done.reencrypted() + " value(s) from key "
                            + from.keyId() + " to " + to.keyId()));
                }
                return result;
            });
            if (r.changed()) {
                total += r.reencrypted();
                Map<String, Object> m = new LinkedHashMap<>();
                m.put("file", file);
                m.put("reencrypted", r.reencrypted());
                changed.add(m);
            }
        }
        int count = total;
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("from_key", from.keyId());
        json.put("to_key", to.keyId());
        json.put("reencrypted", count);
        json.put("files", changed);
        output.result(json, () -> {
            StringBuilder sb = new StringBuilder();
            changed.forEach(m -> sb.append("rekeyed ").append(m.get("file")).append(": ").append(m.get("reencrypted"))
                    .append(" value(s)\n"));
            return sb.append(count).append(" value(s) now under key ").append(to.keyId()).append('\n').toString();
        });
    }

    /** The files a rekey may rewrite: every base and override document (write is needed on all they reach). */
    private static List<String> rewritable(ConfigDirectory dir) {
        List<String> files = new ArrayList<>(dir.globalDocuments());
        dir.environments().forEach(e -> dir.environmentDocument(e).ifPresent(files::add));
        return files;
    }
}
