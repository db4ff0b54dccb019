package io.configcicd.core.deploy;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.store.DeployedRecord;
import io.configcicd.core.store.StoreState;
import io.configcicd.core.store.TargetSpec;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The targets a monitor run watches, each with the record it expects to find: the one the deployment wrote (from the
 * journal) or, when the journal has no entry for the deployment, the one it held at the first read. Each round reads
 * every target once and says whether it still holds that deployment, was superseded by a later one (a record of
 * another deployment, newer, whose content is what it describes), drifted (content that no record describes, or no
 * record at all), or could not be read.
 */
final class WatchedTargets implements AutoCloseable {

    /** What one target held in one round. */
    enum Verdict {
        HELD, SUPERSEDED, DRIFTED, UNREADABLE
    }

    /** One target's verdict, in words for the report ({@code "holds deployment 4711 (sha256 1a2b3c4d)"}). */
    record Check(TargetSpec spec, Verdict verdict, String words, Optional<DeployedRecord> found) {
    }

    private final OpenTargets open;
    private boolean closed;
    private final List<TargetSpec> specs;
    private final Map<String, DeployedRecord> expected = new LinkedHashMap<>();

    WatchedTargets(OpenTargets open, List<TargetSpec> specs, Map<String, DeployedRecord> expected) {
        this.open = open;
        this.specs = List.copyOf(specs);
        this.expected.putAll(expected);
    }

    List<TargetSpec> specs() {
        return specs;
    }

    /** Reads every target once, on the calling thread. */
    List<Check> check() {
        List<Check> out = new ArrayList<>();
        for (TargetSpec spec : specs) {
            StoreState state;
            try {
                state = open.store(spec.name()).read();
            } catch (ConfigCicdException e) {
                out.add(new Check(spec, Verdict.UNREADABLE, "cannot be read: " + e.getMessage(), Optional.empty()));
                continue;
            }
            out.add(verdict(spec, state));
        }
        return out;
    }

    /**
     * A record is the watched deployment's when it names the same deployment and the same content; its time is not
     * compared, since a store may keep it at another precision.
     */
    private Check verdict(TargetSpec spec, StoreState state) {
        Optional<DeployedRecord> found = state.record();
        DeployedRecord want = expected.get(spec.name());
        if (found.isEmpty()) {
            return new Check(spec, Verdict.DRIFTED, "holds no deployed record any more (changed outside config-cicd)",
                    found);
        }
        DeployedRecord r = found.get();
        if (state.drifted()) {
            return new Check(spec, Verdict.DRIFTED, "content changed outside config-cicd (sha256 " + shortSha(state
                    .content().sha256()) + ", the record of deployment " + r.deploymentId() + " says " + shortSha(
                    r.sha256()) + ")", found);
        }
        if (want == null) {
            expected.put(spec.name(), r);
            return new Check(spec, Verdict.HELD, "holds deployment " + r.deploymentId() + " (sha256 "
                    + shortSha(r.sha256()) + ")", found);
        }
        if (r.deploymentId().equals(want.deploymentId()) && r.sha256().equals(want.sha256())) {
            return new Check(spec, Verdict.HELD, "holds deployment " + r.deploymentId() + " (sha256 "
                    + shortSha(r.sha256()) + ")", found);
        }
        if (!r.deploymentId().equals(want.deploymentId()) && r.time().isAfter(want.time())) {
            return new Check(spec, Verdict.SUPERSEDED, "superseded by deployment " + r.deploymentId() + " (commit "
                    + shortSha(r.commit()) + ", " + r.time() + ")", found);
        }
        return new Check(spec, Verdict.DRIFTED, "holds deployment " + r.deploymentId() + " of " + r.time()
                + ", not " + want.deploymentId() + " (put back outside config-cicd's journal)", found);
    }

    static String shortSha(String sha) {
        return sha.length() > 12 ? sha.substring(0, 12) : sha;
    }

    @Override
    public void close() {
        if (!closed) {
            closed = true;
            open.close();
        }
    }
}
