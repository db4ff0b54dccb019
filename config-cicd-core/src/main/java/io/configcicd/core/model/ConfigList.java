package io.configcicd.core.model;

import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/** An ordered list of values. */
public record ConfigList(List<ConfigNode> items, Origin origin, List<ConfigNode> overridden) implements ConfigNode {

    public ConfigList {
        items = List.copyOf(items);
        Objects.requireNonNull(origin, "origin");
        overridden = List.copyOf(overridden);
    }

    public static ConfigList of(List<ConfigNode> items, Origin origin) {
        return new ConfigList(items, origin, List.of());
    }

    public int size() {
        return items.size();
    }

    public ConfigNode get(int index) {
        return items.get(index);
    }

    @Override
    public ConfigList withOverridden(List<ConfigNode> overridden) {
        return new ConfigList(items, origin, overridden);
    }

    @Override
    public Object toPlain() {
        List<Object> out = new ArrayList<>(items.size());
        for (ConfigNode item : items) {
            out.add(item.toPlain());
        }
        return out;
    }

    @Override
    public String typeName() {
        return "list";
    }

    @Override
    public boolean sameValue(ConfigNode other) {
        if (!(other instanceof ConfigList l) || l.items.size() != items.size()) {
            return false;
        }
        for (int i = 0; i < items.size(); i++) {
            if (!items.get(i).sameValue(l.items.get(i))) {
                return false;
            }
        }
        return true;
    }
}
