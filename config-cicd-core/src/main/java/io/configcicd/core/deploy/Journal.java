package io.configcicd.core.deploy;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.repo.AtomicFiles;
import io.configcicd.core.repo.ConfigDirectory;
import io.configcicd.core.store.DeployedRecord;
import io.configcicd.core.store.DocumentFormat;
import io.configcicd.core.store.Layout;
import io.configcicd.core.store.StoreContent;
import io.configcicd.core.store.StoreState;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.NoSuchFileException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The deployment journal: {@code .config-cicd/deployments/<id>.json} in the configuration directory, written atomically
 * when a deploy starts (status {@code started}) and again when it ends. It records the environment, the commit, who
 * deployed, and per target the plan (entry names only), the status, and the content and record the target held
 * before, which is what a store rollback writes back.
 *
 * <p>Secrets: previous content is kept as the target held it for {@code secrets: reference} targets (references and
 * {@code ENC[...]} as written in git). A resolved value is never written: for a {@code secrets: resolve} target the
 * entries under secret keys are left out and named in {@code withheld} (a document target's whole text is left out
 * when it has any), as is any value that holds a known secret; such a target cannot be rolled back from the journal,
 * and rollback says to deploy the previous commit instead (its {@code commit} is in the previous record).
 */
final class Journal {

    static final String DIRECTORY = ConfigDirectory.STATE_DIR + "/deployments";

    private static final JsonMapper JSON = JsonMapper.builder().enable(SerializationFeature.INDENT_OUTPUT).build();

    /** What one written target held before and was given, and whether its secrets were resolved. */
    record Written(StoreState before, StoreState after, boolean resolved) {
    }

    /** One target of a journal entry, as rollback needs it. */
    record Target(String name, String status, Optional<StoreContent> previous, List<String> withheld,
                  Optional<DeployedRecord> previousRecord, Optional<DeployedRecord> written) {
    }

    /** A journal entry read back; {@code finished} is empty while it is {@code started}. */
    record Entry(String id, String environment, String commit, String status, Optional<java.time.Instant> finished,
                 List<Target> targets) {
    }

    private final Path root;

    Journal(Path configDir) {
        this.root = configDir;
    }

    static String relative(String id) {
        return DIRECTORY + "/" + id + ".json";
    }

    boolean exists(String id) {
        return Files.exists(root.resolve(relative(id)));
    }

    /** Writes (or replaces) the entry of a deployment, atomically. */
    void write(Deployment d, String status, Map<String, Written> written, ValueMasking masking) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("id", d.id());
        out.put("kind", d.kind().word());
        d.rollbackOf().ifPresent(r -> out.put("rollback_of", r));
        out.put("environment", d.environment());
        out.put("commit", d.commit());
        out.put("who", d.who());
        out.put("status", status);
        out.put("started", d.started().toString());
        out.put("finished", status.equals("started") ? null : d.finished().toString());
        List<Object> targets = new ArrayList<>();
        for (TargetResult t : d.targets()) {
            targets.add(target(t, Optional.ofNullable(written.get(t.target())), masking));
        }
        out.put("targets", targets);
        AtomicFiles.write(root.resolve(relative(d.id())), JSON.writeValueAsBytes(out));
    }

    private static Map<String, Object> target(TargetResult t, Optional<Written> w, ValueMasking masking) {
        Map<String, Object> out = new LinkedHashMap<>();
        TargetPlan p = t.plan();
        out.put("name", t.target());
        out.put("type", p.type());
        out.put("layout", p.layout().word());
        out.put("secrets", p.secrets().word());
        out.put("status", t.status().word());
        out.put("detail", t.detail());
        Map<String, Object> plan = new LinkedHashMap<>();
        for (EntryChange.Kind k : EntryChange.Kind.values()) {
            plan.put(k.word(), p.names(k));
        }
        plan.put("drift", p.drift());
        plan.put("live_sha256", p.liveSha256());
        plan.put("desired_sha256", p.desiredSha256());
        out.put("plan", plan);
        w.ifPresent(x -> {
            out.put("previous", previous(x.before(), x.resolved(), masking));
            out.put("written", x.after().record().map(DeployedRecord::toFields).orElse(null));
        });
        return out;
    }

    private static Map<String, Object> previous(StoreState before, boolean resolved, ValueMasking masking) {
        Map<String, Object> out = new LinkedHashMap<>();
        List<String> withheld = new ArrayList<>();
        if (before.content() instanceof StoreContent.Keys keys) {
            Map<String, String> kept = new TreeMap<>();
            keys.entries().forEach((k, v) -> {
                if (masking.withheld(k, v, resolved)) {
                    withheld.add(k);
                } else {
                    kept.put(k, v);
                }
            });
            out.put("entries", kept);
        } else {
            StoreContent.Document doc = (StoreContent.Document) before.content();
            boolean hide = Planner.entries(doc, DocumentFormat.JSON).or(() -> Planner.entries(doc, DocumentFormat.YAML))
                    .map(e -> e.entrySet().stream().anyMatch(x -> masking.withheld(x.getKey(), x.getValue(), resolved)))
                    .orElse(!masking.values().mask(doc.text()).equals(doc.text()));
            if (hide) {
                withheld.add(Planner.WHOLE_DOCUMENT);
            } else {
                out.put("document", doc.text());
                out.put("media_type", doc.mediaType());
            }
        }
        out.put("withheld", withheld);
        out.put("sha256", before.content().sha256());
        out.put("record", before.record().map(DeployedRecord::toFields).orElse(null));
        return out;
    }

    /** Reads an entry; bad input naming the journal directory when there is none with this id. */
    Entry read(String id) {
        Path file = root.resolve(relative(id));
        JsonNode doc;
        try {
            doc = JSON.readTree(Files.readAllBytes(file));
        } catch (NoSuchFileException e) {
            throw ConfigCicdException.badInput("no deployment '" + id + "' in the journal " + DIRECTORY,
                    "pass the id a deploy printed (deployment_id); the journal lists one file per deployment");
        } catch (IOException | JacksonException e) {
            throw ConfigCicdException.external("cannot read the journal entry " + relative(id) + ": " + e.getMessage(),
                    "restore the file or roll the targets back by hand", e);
        }
        List<Target> targets = new ArrayList<>();
        for (JsonNode t : doc.path("targets")) {
            targets.add(readTarget(t));
        }
        Optional<java.time.Instant> finished = Optional.ofNullable(doc.path("finished").asString(null))
                .map(java.time.Instant::parse);
        return new Entry(doc.path("id").asString(), doc.path("environment").asString(), doc.path("commit").asString(""),
                doc.path("status").asString(), finished, targets);
    }

    /** The entry of a deployment, when the journal has one. */
    Optional<Entry> find(String id) {
        return exists(id) ? Optional.of(read(id)) : Optional.empty();
    }

    /**
     * Sets one top-level field of an existing entry (the {@code monitor} section a monitor run writes as it starts and
     * ends), atomically; the rest of the entry is kept as it is.
     */
    void annotate(String id, String field, Map<String, Object> value) {
        Path file = root.resolve(relative(id));
        try {
            tools.jackson.databind.node.ObjectNode doc = (tools.jackson.databind.node.ObjectNode) JSON.readTree(
                    Files.readAllBytes(file));
            doc.set(field, JSON.valueToTree(value));
            AtomicFiles.write(file, JSON.writeValueAsBytes(doc));
        } catch (IOException | JacksonException | ClassCastException e) {
            throw ConfigCicdException.external("cannot update the journal entry " + relative(id) + ": "
                    + e.getMessage(), "check that " + DIRECTORY + " is writable", e);
        }
    }

    private static Target readTarget(JsonNode t) {
        JsonNode prev = t.path("previous");
        List<String> withheld = new ArrayList<>();
        prev.path("withheld").forEach(w -> withheld.add(w.asString()));
        Optional<StoreContent> content = Optional.empty();
        Layout layout = Layout.ofWord(t.path("layout").asString()).orElse(Layout.DOCUMENT);
        if (!prev.isMissingNode() && withheld.isEmpty()) {
            if (layout == Layout.KEYS) {
                Map<String, String> entries = new TreeMap<>();
                prev.path("entries").properties().forEach(e -> entries.put(e.getKey(), e.getValue().asString()));
                content = Optional.of(StoreContent.Keys.of(entries));
            } else {
                content = Optional.of(new StoreContent.Document(prev.path("document").asString(""),
                        prev.path("media_type").asString(DocumentFormat.JSON.mediaType())));
            }
        }
        return new Target(t.path("name").asString(), t.path("status").asString(), content, withheld,
                record(prev.path("record")), record(t.path("written")));
    }

    private static Optional<DeployedRecord> record(JsonNode node) {
        if (node == null || !node.isObject()) {
            return Optional.empty();
        }
        Map<String, String> fields = new LinkedHashMap<>();
        node.properties().forEach(e -> fields.put(e.getKey(), e.getValue().asString()));
        return Optional.of(DeployedRecord.fromFields(fields));
    }
}
