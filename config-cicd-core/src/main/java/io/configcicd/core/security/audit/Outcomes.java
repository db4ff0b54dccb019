package io.configcicd.core.security.audit;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/** Finds the actions that were started and never got an outcome line ({@link VerifyResult#unfinished()}). */
final class Outcomes {

    private Outcomes() {
    }

    static List<VerifyResult.Unfinished> unfinished(List<ChainCheck.Link> links) {
        Set<String> finished = new HashSet<>();
        links.forEach(l -> {
            if (!l.entry().fields().started().isEmpty()) {
                finished.add(l.entry().fields().started());
            }
        });
        List<VerifyResult.Unfinished> out = new ArrayList<>();
        for (ChainCheck.Link l : links) {
            AuditLines.Fields f = l.entry().fields();
            if (AuditEvent.STARTED.equals(f.result()) && !finished.contains(Long.toString(l.entry().seq()))) {
                out.add(new VerifyResult.Unfinished(l.line(), l.entry().seq(), f.time(), summary(f)));
            }
        }
        return out;
    }

    private static String summary(AuditLines.Fields f) {
        StringBuilder sb = new StringBuilder(f.principal()).append(' ').append(f.command());
        String target = String.join(" ", List.of(f.scope(), f.name(), f.path()).stream().filter(s -> !s.isEmpty()).toList());
        if (!target.isEmpty()) {
            sb.append(' ').append(target);
        }
        return sb.append(": started, outcome unknown").toString();
    }
}
