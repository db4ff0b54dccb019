package io.configcicd.core.api;

import io.configcicd.core.event.Event;
import io.configcicd.core.history.ConfigBackup;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.report.ValueText;
import io.configcicd.core.security.SecretMasker;
import io.configcicd.core.security.access.Permission;
import io.configcicd.core.security.audit.AuditEvent;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/**
 * The operations that change a configuration's documents on behalf of a principal: {@link #set} one value. It checks
 * access first (a denial is audited and thrown), takes a backup of the environment, writes through the manager's
 * {@link DocumentWriter} (in place, locked, atomic, validated unless the request says not to), and audits the change
 * between a {@code started} line and its outcome, values masked. Progress goes to the workspace's events.
 */
public final class WriteService {

    public WriteService() {
    }

    /**
     * Sets one value in the environment's override document.
     *
     * @throws io.configcicd.core.security.access.AccessDeniedException without {@code write} on the environment
     *                                                                  (audited; nothing parsed or written)
     * @throws io.configcicd.core.ConfigCicdException bad input for a value or path that cannot be written; findings when
     *                                                the change would introduce a finding at or above the threshold
     *                                                (nothing written, the backup removed again, the failure audited)
     */
    public SetOutcome set(Workspace ws, SetRequest request) {
        Governance governance = ws.governance();
        governance.require(Permission.WRITE, request.name(), "set");
        ConfigNode parsed = ValueParser.parse(request.value());
        Map<String, Object> one = new LinkedHashMap<>();
        one.put(request.path().toString(), parsed);
        SecretMasker masker = ws.secretKeys();
        AuditEvent intent = governance.event("set", ReadService.word(request.scope()), request.name(),
                        request.path().toString())
                .withValues(Optional.empty(), Optional.of(ValueText.inline(masker.mask(request.path(), parsed))));
        DocumentWriter writer = ws.manager().writer();
        ConfigBackup.Backed<UpdateResult> done = governance.audited(intent,
                () -> new ConfigBackup().around(ws.configDirectory().root(), request.scope(), request.name(),
                        "before-set", ws.clock().instant(), () -> writer.update(request.name(), one, request.validate())),
                d -> {
                    UpdateResult.PathUpdate u = d.result().updates().get(0);
                    return intent.withValues(u.previous().map(p -> ValueText.inline(masker.mask(u.path(), p))),
                                    Optional.of(ValueText.inline(masker.mask(u.path(), u.value()))))
                            .withResult(AuditEvent.OK).withDetail("backup", d.backup().id());
                });
        UpdateResult result = done.result();
        UpdateResult.PathUpdate update = result.updates().get(0);
        ws.events().accept(new Event.BackupTaken(ws.clock().instant(), "set", done.backup().id(),
                done.backup().kind().name().toLowerCase(Locale.ROOT)));
        ws.events().accept(new Event.FileWritten(ws.clock().instant(), "set", result.file()));
        return new SetOutcome(result.file(), update.path(), masker.mask(update.path(), update.value()),
                update.previous().map(p -> masker.mask(update.path(), p)), done.backup().id());
    }
}
