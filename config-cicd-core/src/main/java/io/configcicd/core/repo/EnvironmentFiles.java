package io.configcicd.core.repo;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.SortedMap;
import java.util.TreeMap;

/**
 * The files of {@code environments/} sorted out: the override document of each environment, and the files that
 * are no environment's document (a name that is no valid environment name, such as {@code stäging prod.yaml}; two
 * files for one environment, such as {@code prod.yaml} and {@code prod.json}) as {@link DirectoryProblem}s. One
 * place for the directory on disk and for the tree of a git commit, so both agree on what an environment is.
 */
public final class EnvironmentFiles {

    private final SortedMap<String, List<String>> byEnvironment;
    private final List<DirectoryProblem> problems;

    private EnvironmentFiles(SortedMap<String, List<String>> byEnvironment, List<DirectoryProblem> problems) {
        this.byEnvironment = byEnvironment;
        this.problems = List.copyOf(problems);
    }

    /**
     * Sorts out the configuration files of {@code environments/}.
     *
     * @param files names relative to the configuration directory ({@code environments/production.yaml}), each of a
     *              configuration format and not hidden
     */
    public static EnvironmentFiles of(Collection<String> files) {
        SortedMap<String, List<String>> byEnvironment = new TreeMap<>();
        List<DirectoryProblem> problems = new ArrayList<>();
        for (String file : files.stream().sorted().toList()) {
            String name = baseName(file);
            if (ConfigDirectory.isValidName(name)) {
                byEnvironment.computeIfAbsent(name, n -> new ArrayList<>()).add(file);
            } else {
                problems.add(new DirectoryProblem(DirectoryProblem.ENVIRONMENT_NAME, file, "'" + name + "' is not a valid "
                        + "environment name, so this file is not read as any environment's override document",
                        "rename it" + suggestion(file, name) + ", or move it out of " + ConfigDirectory.ENVIRONMENTS_DIR
                                + "/: an environment name uses only letters, digits, '.', '_' and '-', does not start "
                                + "with '.', and is at most 128 characters"));
            }
        }
        for (Map.Entry<String, List<String>> e : byEnvironment.entrySet()) {
            if (e.getValue().size() > 1) {
                for (String file : e.getValue()) {
                    problems.add(duplicate(e.getKey(), file, e.getValue()));
                }
            }
        }
        problems.sort(java.util.Comparator.comparing(DirectoryProblem::file));
        return new EnvironmentFiles(byEnvironment, problems);
    }

    /** The environments with exactly one override document, sorted. */
    public List<String> environments() {
        return byEnvironment.entrySet().stream().filter(e -> e.getValue().size() == 1).map(Map.Entry::getKey).toList();
    }

    /** The environments with several override documents, which cannot be read, sorted. */
    public List<String> duplicated() {
        return byEnvironment.entrySet().stream().filter(e -> e.getValue().size() > 1).map(Map.Entry::getKey).toList();
    }

    /**
     * The override document of an environment, if it has one.
     *
     * @throws io.configcicd.core.ConfigCicdException bad input at the first file when it has several
     */
    public Optional<String> document(String environment) {
        List<String> found = byEnvironment.getOrDefault(environment, List.of());
        if (found.size() > 1) {
            throw duplicate(environment, found.get(0), found).error();
        }
        return found.stream().findFirst();
    }

    /** What is wrong with the folder, by file name. */
    public List<DirectoryProblem> problems() {
        return problems;
    }

    private static DirectoryProblem duplicate(String environment, String file, List<String> all) {
        return new DirectoryProblem(DirectoryProblem.DUPLICATE_ENVIRONMENT, file, "environment '" + environment
                + "' has several override documents: " + String.join(", ", all),
                "keep one file per environment in " + ConfigDirectory.ENVIRONMENTS_DIR + "/: merge them into one and "
                        + "delete the others");
    }

    private static String baseName(String relative) {
        String file = relative.substring(relative.lastIndexOf('/') + 1);
        int dot = file.lastIndexOf('.');
        return dot < 0 ? file : file.substring(0, dot);
    }

    /** {@code " (for example to environments/staging-prod.yaml)"} for {@code stäging prod.yaml}; empty when none fits. */
    private static String suggestion(String file, String name) {
        String ascii = Normalizer.normalize(name, Normalizer.Form.NFD).replaceAll("\\p{M}+", "");
        String safe = ascii.replaceAll("[^A-Za-z0-9._-]+", "-").replaceAll("^[-.]+|-+$", "");
        if (safe.length() > 128) {
            safe = safe.substring(0, 128);
        }
        if (!ConfigDirectory.isValidName(safe)) {
            return "";
        }
        String folder = file.substring(0, file.lastIndexOf('/') + 1);
        String extension = file.substring(file.lastIndexOf('.'));
        return " (for example to " + folder + safe + extension + ")";
    }
}
