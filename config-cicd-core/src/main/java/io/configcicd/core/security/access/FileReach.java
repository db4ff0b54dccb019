package io.configcicd.core.security.access;

import io.configcicd.core.repo.ConfigDirectory;
import io.configcicd.core.repo.Settings;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * Which environments some files of a configuration directory reach, for access control: the permission of a write
 * to them, or of revealing a value they hold, is needed on every one of them ({@code docs/security.md}, "Writes to
 * shared files").
 *
 * <ul>
 *   <li>{@code environments/E.<ext>}: environment E alone;</li>
 *   <li>{@code global/*} and {@code schemas/*}: every environment, since every effective configuration is merged
 *       from the base documents and checked against the schemas;</li>
 *   <li>{@code config-cicd.yaml}: every environment, and also {@link Permission#ADMIN}, since it holds the access
 *       policy and the audit settings themselves;</li>
 *   <li>any other name (nothing the product writes today): every environment, so that an unforeseen file is never
 *       cheaper to write than a shared one.</li>
 * </ul>
 *
 * @param files        the files (relative to the configuration directory), sorted, no duplicates
 * @param environments the environments they reach, sorted
 * @param sharedFiles  the files among them that every environment reads, sorted
 * @param settings     whether {@code config-cicd.yaml} is among them (then {@link Permission#ADMIN} is needed too)
 */
public record FileReach(List<String> files, SortedSet<String> environments, List<String> sharedFiles,
                          boolean settings) {

    public FileReach {
        files = List.copyOf(files);
        environments = java.util.Collections.unmodifiableSortedSet(new TreeSet<>(environments));
        sharedFiles = List.copyOf(sharedFiles);
    }

    /**
     * The reach of {@code files}.
     *
     * @param files           names relative to the configuration directory, with '/' separators
     * @param allEnvironments every environment of the directory: those a shared file reaches
     */
    public static FileReach of(Collection<String> files, Collection<String> allEnvironments) {
        Objects.requireNonNull(allEnvironments, "allEnvironments");
        List<String> sorted = files.stream().map(f -> f.replace('\\', '/')).distinct().sorted().toList();
        SortedSet<String> reached = new TreeSet<>();
        List<String> shared = new ArrayList<>();
        for (String f : sorted) {
            String own = ownEnvironment(f);
            if (own != null) {
                reached.add(own);
            } else {
                shared.add(f);
            }
        }
        if (!shared.isEmpty()) {
            reached.addAll(allEnvironments);
        }
        return new FileReach(sorted, reached, shared, sorted.contains(Settings.FILE_NAME));
    }

    /** Whether a shared file is among them, so that they reach every environment. */
    public boolean reachesEveryEnvironment() {
        return !sharedFiles.isEmpty();
    }

    /**
     * Why {@code permission} is needed on {@code environment}, for a message that puts a verb before it ("writes",
     * "is in"): {@code global/base.yaml, which every environment reads}; for {@link Permission#ADMIN}, the settings.
     */
    public String why(String environment, Permission permission) {
        if (permission == Permission.ADMIN && settings) {
            return Settings.FILE_NAME + ", whose settings (the access policy among them) apply to every environment";
        }
        if (!sharedFiles.isEmpty()) {
            List<String> named = sharedFiles.size() > 3 ? sharedFiles.subList(0, 3) : sharedFiles;
            String more = sharedFiles.size() > 3 ? " and " + (sharedFiles.size() - 3) + " more" : "";
            return String.join(", ", named) + more + ", which every environment reads";
        }
        return files.stream().filter(f -> environment.equals(ownEnvironment(f))).findFirst()
                .orElse(String.join(", ", files));
    }

    /** The environment whose override document a name is ({@code environments/E.yaml}), or null for any other. */
    static String ownEnvironment(String file) {
        String prefix = ConfigDirectory.ENVIRONMENTS_DIR + "/";
        if (!file.startsWith(prefix)) {
            return null;
        }
        String name = file.substring(prefix.length());
        int dot = name.lastIndexOf('.');
        if (name.indexOf('/') >= 0 || dot <= 0) {
            return null;
        }
        String env = name.substring(0, dot);
        return ConfigDirectory.isValidName(env) ? env : null;
    }
}
