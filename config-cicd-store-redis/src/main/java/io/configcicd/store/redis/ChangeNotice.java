package io.configcicd.store.redis;

import io.configcicd.core.store.DeployedRecord;
import io.configcicd.core.store.StoreContent;
import io.configcicd.core.store.StoreState;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ArrayNode;
import tools.jackson.databind.node.ObjectNode;

/**
 * The JSON message published on a target's channel after a successful apply, what running services and the
 * runtime's remote source subscribe to: {@code environment}, {@code key}, {@code layout}, {@code commit},
 * {@code deployment_id}, {@code sha256} of the new content and {@code changed_paths} (entry names of a keys
 * target; {@code ["(document)"]} when a document changed). Never a value.
 */
final class ChangeNotice {

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private ChangeNotice() {
    }

    static String json(String environment, String key, StoreState before, StoreState after) {
        ObjectNode out = JSON.createObjectNode();
        out.put("environment", environment);
        out.put("key", key);
        out.put("layout", after.content().layout().word());
        out.put("commit", after.record().map(DeployedRecord::commit).orElse(null));
        out.put("deployment_id", after.record().map(DeployedRecord::deploymentId).orElse(null));
        out.put("sha256", after.content().sha256());
        ArrayNode paths = out.putArray("changed_paths");
        changedPaths(before.content(), after.content()).forEach(paths::add);
        return JSON.writeValueAsString(out);
    }

    /** Names of the entries whose value differs, was added or was removed; never a value. */
    static List<String> changedPaths(StoreContent before, StoreContent after) {
        if (!(before instanceof StoreContent.Keys b) || !(after instanceof StoreContent.Keys a)) {
            return before.sha256().equals(after.sha256()) ? List.of() : List.of("(document)");
        }
        // both sides are sorted: one merge pass, no set of 200,000 names
        Iterator<Map.Entry<String, String>> xs = b.entries().entrySet().iterator();
        Iterator<Map.Entry<String, String>> ys = a.entries().entrySet().iterator();
        Map.Entry<String, String> x = xs.hasNext() ? xs.next() : null;
        Map.Entry<String, String> y = ys.hasNext() ? ys.next() : null;
        List<String> out = new ArrayList<>();
        while (x != null || y != null) {
            int c = x == null ? 1 : y == null ? -1 : x.getKey().compareTo(y.getKey());
            if (c != 0 || !Objects.equals(x.getValue(), y.getValue())) {
                out.add(c <= 0 ? x.getKey() : y.getKey());
            }
            if (c <= 0) {
                x = xs.hasNext() ? xs.next() : null;
            }
            if (c >= 0) {
                y = ys.hasNext() ? ys.next() : null;
            }
        }
        return out;
    }
}
