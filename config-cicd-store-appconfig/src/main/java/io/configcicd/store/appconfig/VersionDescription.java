package io.configcicd.store.appconfig;

import io.configcicd.core.store.DeployedRecord;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * How the deployed record travels with a hosted configuration version (ARCHITECTURE 3a): the version's
 * {@code Description} (at most 1024 characters) is {@code config-cicd {"commit":...,"deployment_id":...,"sha256":...,
 * "time":...}}, and its {@code VersionLabel} (at most 64 characters, shown in the console) is
 * {@code <commit, 12 characters>/<deployment id>}, cut to 64. A version whose description does not start with the
 * marker was written by someone else: it has no record. A version marked {@link #EMPTY} stands for "no
 * configuration" (the restore of a target that held nothing: AppConfig cannot take a deployment back).
 */
final class VersionDescription {

    static final String MARKER = "config-cicd ";
    /** The description of the version written when the desired state is empty (content {@code {}}). */
    static final String EMPTY = "config-cicd: no configuration (a restore to before the first deploy)";
    static final int MAX_DESCRIPTION = 1024;
    static final int MAX_LABEL = 64;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private VersionDescription() {
    }

    static String of(DeployedRecord record) {
        String text = MARKER + JSON.writeValueAsString(record.toFields());
        if (text.length() > MAX_DESCRIPTION) {
            throw new IllegalArgumentException("the deployed record is longer than AppConfig's 1024-character"
                    + " description (commit or deployment id too long)");
        }
        return text;
    }

    static String label(DeployedRecord record) {
        String commit = record.commit().length() > 12 ? record.commit().substring(0, 12) : record.commit();
        String label = commit + "/" + record.deploymentId();
        return label.length() > MAX_LABEL ? label.substring(0, MAX_LABEL) : label;
    }

    static boolean isEmptyMarker(String description) {
        return EMPTY.equals(description);
    }

    /**
     * The record of a version's description; empty when it has none (a version written by hand or another tool).
     *
     * @throws IllegalArgumentException when the description carries the marker but not a record (no value named)
     */
    static Optional<DeployedRecord> read(String description) {
        if (description == null || !description.startsWith(MARKER)) {
            return Optional.empty();
        }
        try {
            JsonNode node = JSON.readTree(description.substring(MARKER.length()));
            Map<String, String> fields = new LinkedHashMap<>();
            for (String f : DeployedRecord.FIELDS) {
                JsonNode v = node.get(f);
                if (v != null && v.isString()) {
                    fields.put(f, v.asString());
                }
            }
            return Optional.of(DeployedRecord.fromFields(fields));
        } catch (JacksonException e) {
            throw new IllegalArgumentException("the version's description holds no readable deployed record");
        }
    }
}
