package io.configcicd.store.consul;

import io.configcicd.core.store.DeployedRecord;
import io.configcicd.core.store.DocumentFormat;
import io.configcicd.core.store.Layout;
import io.configcicd.core.store.StoreContent;
import io.configcicd.core.store.StoreJson;
import io.configcicd.core.store.StoreState;
import io.configcicd.core.store.TargetSpec;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;
import org.kiwiproject.consul.KeyValueClient;
import org.kiwiproject.consul.model.ConsulResponse;
import org.kiwiproject.consul.model.kv.Value;
import org.kiwiproject.consul.option.ImmutableQueryOptions;
import org.kiwiproject.consul.option.QueryOptions;

/**
 * What one read of a consul target found: the state ({@link StoreState}), and for check-and-set the exact key and
 * {@code ModifyIndex} of every entry and of the record ({@code 0}: absent). A record that cannot be parsed reads as
 * no record, its index kept so that the next deploy overwrites it with check-and-set.
 */
record ConsulSnapshot(StoreState state, Map<String, Located> entries, long recordIndex) {

    /** An entry's key as Consul spells it and its {@code ModifyIndex}. */
    record Located(String key, long modifyIndex) {
    }

    ConsulSnapshot {
        Objects.requireNonNull(state, "state");
        entries = Map.copyOf(entries);
    }

    /** Two GETs: the prefix ({@code ?recurse}) or the document key, and the record key. */
    static ConsulSnapshot read(KeyValueClient kv, ConsulSettings settings, TargetSpec spec, ConsulKeys keys) {
        QueryOptions options = ImmutableQueryOptions.builder().datacenter(settings.datacenter()).build();
        Map<String, Located> located = new TreeMap<>();
        StoreContent content;
        if (spec.layout() == Layout.KEYS) {
            SortedMap<String, String> values = new TreeMap<>();
            for (Value v : values(kv.getConsulResponseWithValues(settings.prefix(), options))) {
                Optional<String> entry = keys.entry(v.getKey());
                if (entry.isPresent()) {
                    values.put(entry.get(), v.getValueAsString(StandardCharsets.UTF_8).orElse(""));
                    located.put(entry.get(), new Located(v.getKey(), v.getModifyIndex()));
                }
            }
            content = new StoreContent.Keys(values);
        } else {
            Optional<Value> doc = one(kv.getConsulResponseWithValue(keys.documentKey(), options));
            content = doc.map(v -> (StoreContent) new StoreContent.Document(
                    v.getValueAsString(StandardCharsets.UTF_8).orElse(""), mediaType(spec)))
                    .orElse(StoreContent.empty(Layout.DOCUMENT));
            doc.ifPresent(v -> located.put(keys.documentKey(), new Located(v.getKey(), v.getModifyIndex())));
        }
        Optional<Value> record = one(kv.getConsulResponseWithValue(settings.recordKey(), options));
        return new ConsulSnapshot(new StoreState(content, record.flatMap(ConsulSnapshot::record)), located,
                record.map(Value::getModifyIndex).orElse(0L));
    }

    private static String mediaType(TargetSpec spec) {
        return spec.format() == DocumentFormat.YAML ? DocumentFormat.YAML.mediaType() : DocumentFormat.JSON.mediaType();
    }

    private static List<Value> values(ConsulResponse<List<Value>> response) {
        return response == null || response.getResponse() == null ? List.of() : response.getResponse();
    }

    private static Optional<Value> one(Optional<ConsulResponse<Value>> response) {
        return response.map(ConsulResponse::getResponse);
    }

    private static Optional<DeployedRecord> record(Value v) {
        try {
            return Optional.of(StoreJson.readRecord(v.getValueAsString(StandardCharsets.UTF_8).orElse("")
                    .getBytes(StandardCharsets.UTF_8)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
