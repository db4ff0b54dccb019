package io.configcicd.core.validate.rules;

import io.configcicd.core.model.PathGlob;
import io.configcicd.core.validate.ValidationRule;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/** Builds one declared rule from its entry, by {@code type}; the type-specific fields are read here. */
final class RuleFactory {

    private static final Set<String> COMMON = Set.of("id", "type", "severity", "environments", "message");
    private static final String TYPES = "required, type, range, enum, pattern, unique, reference, resource-limit "
            + "or cross-environment";

    private RuleFactory() {
    }

    static ValidationRule create(RuleEntry e, RuleSpec spec, Predicate<String> isProtected) {
        String type = e.string("type", "type: required (one of " + TYPES + ")");
        return switch (type) {
            case "required" -> {
                fields(e, type, "paths");
                yield new RequiredRule(spec, globs(e, "paths", "paths: [metadata.name, services.*.port]", true));
            }
            case "type" -> {
                fields(e, type, "path", "expected");
                yield new TypeRule(spec, glob(e, "path"), expected(e));
            }
            case "range" -> range(e, spec);
            case "enum" -> {
                fields(e, type, "path", "values");
                yield new EnumRule(spec, glob(e, "path"), e.scalars("values", "values: [debug, info, warn, error]"));
            }
            case "pattern" -> {
                fields(e, type, "path", "regex");
                yield new PatternRule(spec, glob(e, "path"), regex(e));
            }
            case "unique" -> {
                fields(e, type, "path");
                yield new UniqueRule(spec, glob(e, "path"));
            }
            case "reference" -> reference(e, spec);
            case "resource-limit" -> resourceLimit(e, spec);
            case "cross-environment" -> crossEnvironment(e, spec, isProtected);
            default -> throw e.error(e.node("type").origin(), "unknown rule type '" + type + "'",
                    "write type: one of " + TYPES);
        };
    }

    private static ValidationRule range(RuleEntry e, RuleSpec spec) {
        fields(e, "range", "path", "min", "max");
        var min = e.optNumber("min", "min: 1");
        var max = e.optNumber("max", "max: 65535");
        if (min.isEmpty() && max.isEmpty()) {
            throw e.error(e.origin(), "a range rule needs min, max or both", "write min: 1024 and/or max: 65535");
        }
        if (min.isPresent() && max.isPresent() && min.get().compareTo(max.get()) > 0) {
            throw e.error(e.node("min").origin(), "min " + min.get() + " is greater than max " + max.get(),
                    "write min below max");
        }
        return new RangeRule(spec, glob(e, "path"), min, max);
    }

    private static ValidationRule reference(RuleEntry e, RuleSpec spec) {
        fields(e, "reference", "path", "target", "target_values");
        if (e.has("target") == e.has("target_values")) {
            throw e.error(e.origin(), "a reference rule needs exactly one of target and target_values",
                    "write target: models.model_providers (its keys) or target_values: services.*.name");
        }
        Optional<PathGlob> target = e.has("target") ? Optional.of(glob(e, "target")) : Optional.empty();
        Optional<PathGlob> values = e.has("target_values") ? Optional.of(glob(e, "target_values")) : Optional.empty();
        return new ReferenceRule(spec, glob(e, "path"), target, values);
    }

    private static ValidationRule resourceLimit(RuleEntry e, RuleSpec spec) {
        fields(e, "resource-limit", "path", "min", "max");
        var min = e.optQuantity("min", "min: 128Mi");
        var max = e.optQuantity("max", "max: 2Gi");
        if (min.isEmpty() && max.isEmpty()) {
            throw e.error(e.origin(), "a resource-limit rule needs min, max or both", "write max: 2Gi or max: 500m");
        }
        if (min.isPresent() && max.isPresent() && min.get().compareTo(max.get()) > 0) {
            throw e.error(e.node("min").origin(), "min " + min.get() + " is greater than max " + max.get(),
                    "write min below max");
        }
        return new ResourceLimitRule(spec, glob(e, "path"), min, max);
    }

    private static ValidationRule crossEnvironment(RuleEntry e, RuleSpec spec, Predicate<String> isProtected) {
        String kind = e.string("kind", "kind: present-in-all or kind: not-weaker");
        List<PathGlob> paths = globs(e, "paths", "paths: [features.**]", true);
        if (kind.equals("present-in-all")) {
            fields(e, "cross-environment", "kind", "paths");
            return new PresentInAllRule(spec, paths);
        }
        if (kind.equals("not-weaker")) {
            fields(e, "cross-environment", "kind", "paths", "compare_to");
            List<String> compareTo = e.strings("compare_to", "compare_to: [staging]");
            return new NotWeakerRule(spec, paths, compareTo.stream().findFirst(), isProtected);
        }
        throw e.error(e.node("kind").origin(), "unknown cross-environment kind '" + kind + "'",
                "write kind: present-in-all or kind: not-weaker");
    }

    private static void fields(RuleEntry e, String type, String... specific) {
        Set<String> allowed = new HashSet<>(COMMON);
        allowed.addAll(List.of(specific));
        e.onlyFields(allowed, type);
    }

    private static PathGlob glob(RuleEntry e, String field) {
        String text = e.string(field, field + ": services.*.port");
        return parseGlob(e, field, text);
    }

    private static List<PathGlob> globs(RuleEntry e, String field, String example, boolean required) {
        List<String> texts = e.strings(field, example);
        if (texts.isEmpty() && required) {
            throw e.error(e.origin(), "field '" + field + "' is required", "write " + example);
        }
        List<PathGlob> out = new ArrayList<>();
        for (String t : texts) {
            out.add(parseGlob(e, field, t));
        }
        return out;
    }

    private static PathGlob parseGlob(RuleEntry e, String field, String text) {
        try {
            return PathGlob.parse(text);
        } catch (IllegalArgumentException ex) {
            throw e.error(e.node(field).origin(), "field '" + field + "': " + ex.getMessage(),
                    "write a dotted path such as services.*.port or security.**.enabled");
        }
    }

    private static TypeRule.Expected expected(RuleEntry e) {
        String text = e.string("expected", "expected: integer");
        try {
            return TypeRule.Expected.valueOf(text.trim().toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            throw e.error(e.node("expected").origin(), "unknown type '" + text + "'",
                    "write expected: string, integer, number, boolean, list or mapping");
        }
    }

    private static Pattern regex(RuleEntry e) {
        String text = e.string("regex", "regex: \"[a-z][a-z0-9-]*\"");
        try {
            return Pattern.compile(text);
        } catch (PatternSyntaxException ex) {
            throw e.error(e.node("regex").origin(), "invalid regex '" + text + "': " + ex.getDescription()
                    + " near index " + ex.getIndex(), "write a Java regular expression; quote it in YAML");
        }
    }
}
