package io.configcicd.cli;

import io.configcicd.core.api.RekeyOutcome;
import io.configcicd.core.api.RekeyRequest;
import io.configcicd.core.api.SecretsService;
import io.configcicd.core.api.Workspace;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * {@code rekey --new-key-file F}: re-encrypts every {@code ENC[...]} value of every configuration file under a new
 * key, in place, through {@link SecretsService#rekey} (locks, atomic writes, an audit line before and after each
 * file; an interrupted run can be run again).
 */
@Command(name = "rekey", description = "Re-encrypt every ENC[...] value of the configuration under a new key. The old "
        + "key comes from CONFIG_CICD_KEY or --key-file, the new one from --new-key-file or CONFIG_CICD_NEW_KEY.")
final class RekeyCommand extends ConfigCommand {

    @Option(names = "--key-file", paramLabel = "FILE", description = "The current key (default: CONFIG_CICD_KEY).")
    private Path keyFile;

    @Option(names = "--new-key-file", paramLabel = "FILE", description = "The new key (default: CONFIG_CICD_NEW_KEY).")
    private Path newKeyFile;

    @Override
    protected void execute(Workspace workspace, Output output) {
        RekeyRequest request = RekeyRequest.of();
        request = keyFile == null ? request : request.withKeyFile(keyFile);
        request = newKeyFile == null ? request : request.withNewKeyFile(newKeyFile);
        RekeyOutcome outcome = new SecretsService().rekey(workspace, request);
        List<Map<String, Object>> files = outcome.files().stream().map(f -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("file", f.file());
            m.put("reencrypted", f.reencrypted());
            return m;
        }).toList();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("from_key", outcome.fromKey());
        json.put("to_key", outcome.toKey());
        json.put("reencrypted", outcome.reencrypted());
        json.put("files", files);
        output.result(json, () -> {
            StringBuilder sb = new StringBuilder();
            outcome.files().forEach(f -> sb.append("rekeyed ").append(f.file()).append(": ").append(f.reencrypted())
                    .append(" value(s)\n"));
            return sb.append(outcome.reencrypted()).append(" value(s) now under key ").append(outcome.toKey())
                    .append('\n').toString();
        });
    }
}
