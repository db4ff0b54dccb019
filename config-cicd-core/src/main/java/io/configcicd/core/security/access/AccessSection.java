package io.configcicd.core.security.access;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.model.ConfigList;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Origin;
import io.configcicd.core.model.ScalarType;
import io.configcicd.core.repo.Settings;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** Reads {@code access:} of {@code config-cicd.yaml} (shape in {@link AccessPolicy}); errors name file:line. */
final class AccessSection {

    static final String GROUP_PREFIX = "group:";

    private static final String FILE = Settings.FILE_NAME;

    /** The field that names the git ref whose committed {@code access:} and {@code audit:} are in force. */
    static final String POLICY_FROM = "policy_from";

    /** The parsed section. */
    record Parsed(Map<String, Role> roles, Map<String, Set<String>> groups, Map<String, List<String>> bindings,
                  java.util.Optional<String> policyFrom) {
    }

    private AccessSection() {
    }

    static Parsed parse(ConfigNode node) {
        if (node.isNull()) {
            return new Parsed(Map.of(), Map.of(), Map.of(), java.util.Optional.empty());
        }
        ConfigMap section = mapping(node, "access", "access: {roles: {...}, groups: {...}, bindings: {...}}");
        for (String key : section.entries().keySet()) {
            if (!List.of("roles", "groups", "bindings", POLICY_FROM).contains(key)) {
                throw ConfigCicdException.badInput(section.keyOrigin(key), FILE + ": unknown field 'access." + key + "'",
                        "the fields of access are roles, groups, bindings and policy_from");
            }
        }
        Map<String, Role> roles = roles(section.getOrNull("roles"));
        Map<String, Set<String>> groups = groups(section.getOrNull("groups"));
        return new Parsed(roles, groups, bindings(section.getOrNull("bindings"), roles, groups),
                policyFrom(section.getOrNull(POLICY_FROM)));
    }

    private static java.util.Optional<String> policyFrom(ConfigNode node) {
        if (node == null || node.isNull()) {
            return java.util.Optional.empty();
        }
        if (node instanceof ConfigScalar s && s.type() == ScalarType.STRING && !((String) s.value()).isBlank()) {
            return java.util.Optional.of(((String) s.value()).strip());
        }
        throw wrong(node, "access." + POLICY_FROM, "a git ref such as origin/main", "policy_from: origin/main");
    }

    private static Map<String, Role> roles(ConfigNode node) {
        Map<String, Role> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        ConfigMap map = mapping(node, "access.roles", "roles: {operator: {permissions: [read, deploy], environments: [\"*\"]}}");
        for (Map.Entry<String, ConfigNode> e : map.entries().entrySet()) {
            String where = "access.roles." + e.getKey();
            ConfigMap role = mapping(e.getValue(), where, "{permissions: [read, write], environments: [development]}");
            for (String key : role.entries().keySet()) {
                if (!key.equals("permissions") && !key.equals("environments")) {
                    throw ConfigCicdException.badInput(role.keyOrigin(key), FILE + ": unknown field '" + where + "."
                            + key + "'", "the fields of a role are permissions and environments");
                }
            }
            ConfigNode perms = role.getOrNull("permissions");
            if (perms == null || perms.isNull()) {
                throw ConfigCicdException.badInput(map.keyOrigin(e.getKey()), FILE + ": " + where
                        + " has no permissions", "write permissions: [" + Permission.allLabels() + "] (some of them)");
            }
            Set<Permission> granted = EnumSet.noneOf(Permission.class);
            for (ConfigScalar word : strings(perms, where + ".permissions", "permissions: [read, write]")) {
                granted.add(Permission.parse((String) word.value()).orElseThrow(() -> ConfigCicdException.badInput(
                        word.origin(), FILE + ": " + where + ".permissions: unknown permission '" + word.value() + "'",
                        "use " + Permission.allLabels())));
            }
            ConfigNode envs = role.getOrNull("environments");
            List<String> patterns = envs == null || envs.isNull() ? List.of("*")
                    : strings(envs, where + ".environments", "environments: [development, \"staging*\"]").stream()
                    .map(s -> (String) s.value()).toList();
            out.put(e.getKey(), new Role(e.getKey(), granted, patterns, map.keyOrigin(e.getKey())));
        }
        return out;
    }

    private static Map<String, Set<String>> groups(ConfigNode node) {
        Map<String, Set<String>> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        ConfigMap map = mapping(node, "access.groups", "groups: {platform: [alice, bob]}");
        for (Map.Entry<String, ConfigNode> e : map.entries().entrySet()) {
            Set<String> members = new LinkedHashSet<>();
            if (!e.getValue().isNull()) {
                strings(e.getValue(), "access.groups." + e.getKey(), e.getKey() + ": [alice, bob]")
                        .forEach(s -> members.add((String) s.value()));
            }
            out.put(e.getKey(), Set.copyOf(members));
        }
        return out;
    }

    private static Map<String, List<String>> bindings(ConfigNode node, Map<String, Role> roles,
                                                      Map<String, Set<String>> groups) {
        Map<String, List<String>> out = new LinkedHashMap<>();
        if (node == null || node.isNull()) {
            return out;
        }
        ConfigMap map = mapping(node, "access.bindings", "bindings: {alice: [operator], \"group:platform\": [developer]}");
        for (Map.Entry<String, ConfigNode> e : map.entries().entrySet()) {
            String who = e.getKey();
            String where = "access.bindings." + who;
            if (who.startsWith(GROUP_PREFIX) && !groups.containsKey(who.substring(GROUP_PREFIX.length()))) {
                throw ConfigCicdException.badInput(map.keyOrigin(who), FILE + ": " + where + " names the unknown group '"
                        + who.substring(GROUP_PREFIX.length()) + "'", known("groups", groups.keySet()));
            }
            List<String> names = new ArrayList<>();
            if (!e.getValue().isNull()) {
                for (ConfigScalar role : strings(e.getValue(), where, who + ": [operator]")) {
                    if (!roles.containsKey((String) role.value())) {
                        throw ConfigCicdException.badInput(role.origin(), FILE + ": " + where + " names the unknown role '"
                                + role.value() + "'", known("roles", roles.keySet()));
                    }
                    names.add((String) role.value());
                }
            }
            out.put(who, List.copyOf(names));
        }
        return out;
    }

    private static String known(String what, Set<String> names) {
        return names.isEmpty() ? "declare it under access." + what + " first"
                : "declare it under access." + what + " or use one of " + String.join(", ", names);
    }

    private static ConfigMap mapping(ConfigNode node, String where, String example) {
        if (node instanceof ConfigMap m) {
            return m;
        }
        throw wrong(node, where, "a mapping", example);
    }

    /** A non-empty list of non-blank strings; a single string is a list of one. */
    private static List<ConfigScalar> strings(ConfigNode node, String where, String example) {
        List<ConfigNode> items = node instanceof ConfigList l ? l.items() : List.of(node);
        if (items.isEmpty()) {
            throw wrong(node, where, "a non-empty list of strings", example);
        }
        List<ConfigScalar> out = new ArrayList<>();
        for (ConfigNode item : items) {
            if (!(item instanceof ConfigScalar s) || s.type() != ScalarType.STRING || ((String) s.value()).isBlank()) {
                throw wrong(item, where, node instanceof ConfigList ? "a list of non-blank strings" : "a string or a list of strings",
                        example);
            }
            out.add(s);
        }
        return out;
    }

    private static ConfigCicdException wrong(ConfigNode n, String where, String expected, String example) {
        Origin at = n.origin();
        String found = n instanceof ConfigScalar s && !s.isNull() ? n.typeName() + " '" + s.asText() + "'" : n.typeName();
        return ConfigCicdException.badInput(at, FILE + ": " + where + " must be " + expected + ", found " + found,
                "write " + example);
    }
}
