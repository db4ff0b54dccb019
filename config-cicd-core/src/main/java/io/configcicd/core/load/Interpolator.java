package io.configcicd.core.load;

import io.configcicd.core.model.ConfigList;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.model.Origin;
import io.configcicd.core.model.ScalarType;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Resolves {@code ${VAR}} and {@code ${VAR:-default}} in string values; {@code $${} writes a literal
 * {@code ${}. Only commands that need real values call this (deploy, {@code get --reveal}); the others
 * see references as written. Resolution keeps every value's origin.
 */
public final class Interpolator {

    /** A reference found in a value, for listing what a configuration needs from its environment. */
    public record Reference(ConfigPath path, String variable, Optional<String> defaultValue,
                            Origin origin) {
    }

    private final Function<String, Optional<String>> lookup;

    /** @param lookup the variables (for example {@code name -> Optional.ofNullable(System.getenv(name))}) */
    public Interpolator(Function<String, Optional<String>> lookup) {
        this.lookup = lookup;
    }

    public static Interpolator fromProcessEnvironment() {
        return new Interpolator(name -> Optional.ofNullable(System.getenv(name)));
    }

    public static Interpolator fromMap(Map<String, String> variables) {
        return new Interpolator(name -> Optional.ofNullable(variables.get(name)));
    }

    /** The tree with every reference resolved. */
    public ConfigMap resolve(ConfigMap root) {
        return (ConfigMap) resolve(root, ConfigPath.root());
    }

    /**
     * One value (a scalar or a whole subtree) with its references resolved; {@code path} is where it sits,
     * for messages. Variables used elsewhere in the configuration need not be set.
     */
    public ConfigNode resolve(ConfigNode node, ConfigPath path) {
        if (node instanceof ConfigMap map) {
            ConfigMap.Builder b = ConfigMap.builder(map.origin());
            map.entries().forEach((k, v) -> b.put(k, resolve(v, path.child(k)), map.keyOrigin(k)));
            return b.build().withOverridden(map.overridden());
        }
        if (node instanceof ConfigList list) {
            List<ConfigNode> items = new ArrayList<>(list.size());
            for (int i = 0; i < list.size(); i++) {
                items.add(resolve(list.get(i), path.child(i)));
            }
            return new ConfigList(items, list.origin(), list.overridden());
        }
        ConfigScalar s = (ConfigScalar) node;
        if (s.type() != ScalarType.STRING || ((String) s.value()).indexOf('$') < 0) {
            return s;
        }
        String resolved = substitute((String) s.value(), s, path);
        return new ConfigScalar(ScalarType.STRING, resolved, resolved, s.origin(), s.overridden());
    }

    /** Substitutes the references of one string. */
    public String substitute(String text, ConfigScalar at, ConfigPath path) {
        StringBuilder out = new StringBuilder(text.length());
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (c == '$' && text.startsWith("$${", i)) {
                out.append("${");
                i += 3;
            } else if (c == '$' && text.startsWith("${", i)) {
                int close = text.indexOf('}', i + 2);
                if (close < 0) {
                    throw new ConfigParseException(at.origin(), "'${' without a closing '}' in " + path,
                            "close the reference, or write $${ for a literal ${");
                }
                out.append(lookupReference(text.substring(i + 2, close), at, path));
                i = close + 1;
            } else {
                out.append(c);
                i++;
            }
        }
        return out.toString();
    }

    private String lookupReference(String body, ConfigScalar at, ConfigPath path) {
        int dflt = body.indexOf(":-");
        String name = dflt >= 0 ? body.substring(0, dflt) : body;
        checkName(name, at, path);
        Optional<String> value = lookup.apply(name);
        if (value.isPresent()) {
            return value.get();
        }
        if (dflt >= 0) {
            return body.substring(dflt + 2);
        }
        throw new UnresolvedReferenceException(at.origin(), name, path.toString());
    }

    private static void checkName(String name, ConfigScalar at, ConfigPath path) {
        boolean ok = !name.isEmpty() && (Character.isLetter(name.charAt(0)) || name.charAt(0) == '_');
        for (int k = 0; ok && k < name.length(); k++) {
            char ch = name.charAt(k);
            ok = Character.isLetterOrDigit(ch) || "_.-:/#@+=".indexOf(ch) >= 0; // vault:secret/db#key, aws-sm:name#key
        }
        if (!ok) {
            // not a name: likely text of the value (a password with "${" in it), so it is quoted only when short
            throw new ConfigParseException(at.origin(), "invalid variable name " + ParseMessages.quote(name) + " in "
                    + path,
                    "a reference is ${NAME} or ${NAME:-default}; write $${ for a literal ${");
        }
    }

    /** Every reference in a tree, in document order. */
    public static List<Reference> references(ConfigMap root) {
        List<Reference> out = new ArrayList<>();
        collect(root, ConfigPath.root(), out);
        return List.copyOf(out);
    }

    private static void collect(ConfigNode node, ConfigPath path, List<Reference> out) {
        if (node instanceof ConfigMap map) {
            map.entries().forEach((k, v) -> collect(v, path.child(k), out));
        } else if (node instanceof ConfigList list) {
            for (int i = 0; i < list.size(); i++) {
                collect(list.get(i), path.child(i), out);
            }
        } else if (node instanceof ConfigScalar s && s.type() == ScalarType.STRING) {
            String text = (String) s.value();
            int i = 0;
            while ((i = text.indexOf("${", i)) >= 0) {
                if (i > 0 && text.charAt(i - 1) == '$') {
                    i += 2;
                    continue;
                }
                int close = text.indexOf('}', i);
                if (close < 0) {
                    break;
                }
                String body = text.substring(i + 2, close);
                int d = body.indexOf(":-");
                out.add(new Reference(path, d >= 0 ? body.substring(0, d) : body,
                        d >= 0 ? Optional.of(body.substring(d + 2)) : Optional.empty(), s.origin()));
                i = close + 1;
            }
        }
    }
}
