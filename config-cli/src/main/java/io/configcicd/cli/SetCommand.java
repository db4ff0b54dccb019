package io.configcicd.cli;

import io.configcicd.core.api.ConfigurationManager;
import io.configcicd.core.api.Governance;
import io.configcicd.core.api.Workspace;
import io.configcicd.core.api.UpdateResult;
import io.configcicd.core.api.ValueParser;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.security.SecretMasker;
import io.configcicd.core.security.access.Permission;
import io.configcicd.core.security.audit.AuditEvent;
import io.configcicd.core.history.ConfigBackup;
import java.util.Optional;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code set --scope S --name N --path P --value V}: one value changed in place in the override document. */
@Command(name = "set", description = {
        "Change one value in the environment's override document (environments/<name>.*), in place:"
                + " comments, key order and quoting are kept.",
        "The value reads like YAML: 5 is an integer, true a boolean, '\"5\"' a string, '[a, b]' a list.",
        "A one-line value starting with # (#ff0000) is that string; other text with a YAML comment (' #'), a blank"
                + " value, and a number out of a float's range are refused (exit 2): quote them to store text.",
        "The change is validated first: one that introduces a finding at or above validation.fail_on is refused"
                + " (exit 1) and nothing is written."})
final class SetCommand extends ConfigCommand {

    @Mixin
    private TargetOptions target;

    @Option(names = "--path", required = true, paramLabel = "PATH",
            description = "A dotted path such as kgot.reasoning_depth or alita.environment_manager.supported_languages[0].")
    private ConfigPath path;

    @Option(names = "--value", required = true, paramLabel = "VALUE", description = "The new value, read as YAML.")
    private String value;

    @Option(names = "--no-validate",
            description = "Write the value even when it introduces validation findings (they are not checked).")
    private boolean noValidate;

    @Override
    protected void execute(Workspace workspace, Output output) {
        ConfigurationManager manager = workspace.manager();
        Governance governance = workspace.governance();
        governance.require(Permission.WRITE, target.name(), "set");
        ConfigNode parsed = ValueParser.parse(value);
        Map<String, Object> one = new LinkedHashMap<>();
        one.put(path.toString(), parsed);
        SecretMasker masker = masker(manager);
        AuditEvent intent = governance.event("set", scopeWord(target.scope()), target.name(), path.toString())
                .withValues(Optional.empty(), Optional.of(Output.inline(masker.mask(path, parsed))));
        ConfigBackup.Backed<UpdateResult> done = governance.audited(intent,
                () -> BackupCommand.around(manager, target.scope(), target.name(), "before-set", () -> noValidate
                        ? manager.batchUpdateConfiguration(target.scope(), target.name(), one)
                        : manager.batchUpdateValidated(target.scope(), target.name(), one)),
                d -> {
                    UpdateResult.PathUpdate u = d.result().updates().get(0);
                    return intent.withValues(u.previous().map(p -> Output.inline(masker.mask(u.path(), p))),
                                    Optional.of(Output.inline(masker.mask(u.path(), u.value()))))
                            .withResult(AuditEvent.OK).withDetail("backup", d.backup().id());
                });
        UpdateResult result = done.result();
        UpdateResult.PathUpdate update = result.updates().get(0);
        ConfigNode written = masker.mask(update.path(), update.value());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("file", result.file());
        json.put("path", update.path().toString());
        json.put("value", Output.plain(written));
        json.put("previous", update.previous().map(p -> Output.plain(masker.mask(update.path(), p))).orElse(null));
        output.result(json, () -> "set " + update.path() + " = " + Output.inline(written) + " in " + result.file());
    }
}
