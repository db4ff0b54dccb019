package io.configcicd.core.history;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The files of one configuration at one version: relative name to bytes, sorted by name. A name that is absent
 * is a file that did not exist at that version.
 */
record BackupContent(Map<String, byte[]> files) {

    BackupContent {
        files = java.util.Collections.unmodifiableSortedMap(new TreeMap<>(files));
    }

    List<String> names() {
        return List.copyOf(files.keySet());
    }

    /** The names whose content differs between the two (present in one only, or with other bytes), sorted. */
    Set<String> differences(BackupContent other) {
        Set<String> out = new TreeSet<>();
        Set<String> all = new TreeSet<>(files.keySet());
        all.addAll(other.files.keySet());
        for (String name : all) {
            byte[] a = files.get(name);
            byte[] b = other.files.get(name);
            if (a == null || b == null || !Arrays.equals(a, b)) {
                out.add(name);
            }
        }
        return out;
    }

    boolean sameAs(BackupContent other) {
        return differences(other).isEmpty();
    }
}
