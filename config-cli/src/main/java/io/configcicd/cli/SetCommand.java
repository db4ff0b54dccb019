package io.configcicd.cli;

import io.configcicd.core.api.ConfigurationManager;
import io.configcicd.core.api.UpdateResult;
import io.configcicd.core.api.ValueParser;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.security.SecretMasker;
import java.util.LinkedHashMap;
import java.util.Map;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code set --scope S --name N --path P --value V}: one value changed in place in the override document. */
@Command(name = "set", description = {
        "Change one value in the environment's override document (environments/<name>.*), in place:"
                + " comments, key order and quoting are kept.",
        "The value reads like YAML: 5 is an integer, true a boolean, '\"5\"' a string, '[a, b]' a list."})
final class SetCommand extends ConfigCommand {

    @Mixin
    private TargetOptions target;

    @Option(names = "--value", required = true, paramLabel = "VALUE", description = "The new value, read as YAML.")
    private String value;

    @Override
    protected void execute(ConfigurationManager manager, Output output) {
        ConfigNode parsed = ValueParser.parse(value);
        UpdateResult result = manager.updateConfiguration(target.scope(), target.name(), target.path().toString(), parsed);
        UpdateResult.PathUpdate update = result.updates().get(0);
        SecretMasker masker = masker(manager);
        ConfigNode written = masker.mask(update.path(), update.value());
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("file", result.file());
        json.put("path", update.path().toString());
        json.put("value", Output.plain(written));
        json.put("previous", update.previous().map(p -> Output.plain(masker.mask(update.path(), p))).orElse(null));
        output.result(json, () -> "set " + update.path() + " = " + Output.inline(written) + " in " + result.file());
    }
}
