package io.configcicd.cli;

import io.configcicd.core.api.SetOutcome;
import io.configcicd.core.api.SetRequest;
import io.configcicd.core.api.Workspace;
import io.configcicd.core.api.WriteService;
import io.configcicd.core.model.ConfigPath;
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
    private ConfigurationOptions configuration;

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
        SetOutcome done = new WriteService().set(workspace,
                SetRequest.of(configuration.scope(), configuration.name(), path, value).withValidation(!noValidate));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("file", done.file());
        json.put("path", done.path().toString());
        json.put("value", Output.plain(done.value()));
        json.put("previous", done.previous().map(Output::plain).orElse(null));
        output.result(json, () -> "set " + done.path() + " = " + Output.inline(done.value()) + " in " + done.file());
    }
}
