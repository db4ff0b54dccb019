package io.configcicd.core.source;

import io.configcicd.core.model.Format;
import io.configcicd.core.repo.ConfigDirectory;
import io.configcicd.core.repo.Settings;
import org.eclipse.jgit.treewalk.TreeWalk;
import org.eclipse.jgit.treewalk.filter.TreeFilter;

/**
 * Selects, in a git tree, the files that make up one configuration of a configuration directory that sits at
 * {@code prefix} in the repository: the override documents {@code environments/<env>.<ext>}, optionally the
 * base documents {@code global/*.<ext>} (direct children only, as the directory reader sees them) and the
 * settings file. Hidden files and files of other formats are left out, as on disk.
 */
public final class ConfigFilesFilter extends TreeFilter {

    /** What a selected file is. */
    public enum Kind { GLOBAL, ENVIRONMENT, SETTINGS }

    private final String prefix;
    private final String environment;
    private final boolean globals;
    private final boolean settings;
    private final String globalDir;
    private final String environmentsDir;

    /**
     * @param prefix      where the configuration directory is in the repository: {@code ""} or {@code "conf/"}
     * @param environment the environment whose override documents are selected
     * @param globals     whether {@code global/*} documents are selected
     * @param settings    whether the settings file is selected
     */
    public ConfigFilesFilter(String prefix, String environment, boolean globals, boolean settings) {
        this.prefix = prefix;
        this.environment = environment;
        this.globals = globals;
        this.settings = settings;
        this.globalDir = prefix + ConfigDirectory.GLOBAL_DIR;
        this.environmentsDir = prefix + ConfigDirectory.ENVIRONMENTS_DIR;
    }

    @Override
    public boolean include(TreeWalk walker) {
        String path = walker.getPathString();
        if (walker.isSubtree()) {
            return leadsTo(path, environmentsDir) || globals && leadsTo(path, globalDir);
        }
        if (!path.startsWith(prefix)) {
            return false;
        }
        Kind kind = classify(path.substring(prefix.length()), environment);
        return kind == Kind.ENVIRONMENT || kind == Kind.GLOBAL && globals || kind == Kind.SETTINGS && settings;
    }

    private static boolean leadsTo(String dir, String target) {
        return target.equals(dir) || target.startsWith(dir) && target.charAt(dir.length()) == '/';
    }

    /** What a path relative to the configuration directory is for {@code environment}; null when nothing. */
    public static Kind classify(String relative, String environment) {
        if (relative.equals(Settings.FILE_NAME)) {
            return Kind.SETTINGS;
        }
        int slash = relative.indexOf('/');
        if (slash < 0) {
            return null;
        }
        String folder = relative.substring(0, slash);
        String name = relative.substring(slash + 1);
        if (name.indexOf('/') >= 0 || name.startsWith(".") || Format.ofFileName(name).isEmpty()) {
            return null;
        }
        if (folder.equals(ConfigDirectory.GLOBAL_DIR)) {
            return Kind.GLOBAL;
        }
        if (folder.equals(ConfigDirectory.ENVIRONMENTS_DIR)
                && (environment == null || name.substring(0, name.lastIndexOf('.')).equals(environment))) {
            return Kind.ENVIRONMENT;
        }
        return null;
    }

    @Override
    public boolean shouldBeRecursive() {
        return true;
    }

    @Override
    public TreeFilter clone() {
        return this;
    }

    @Override
    public String toString() {
        return "ConfigFiles(" + prefix + ", " + environment + ", globals=" + globals + ", settings=" + settings + ")";
    }
}
