package io.configcicd.core.history;

import io.configcicd.core.load.LoadLimits;
import io.configcicd.core.model.ConfigMap;
import io.configcicd.core.model.ConfigNode;
import io.configcicd.core.model.ConfigNodes;
import io.configcicd.core.model.ConfigPath;
import io.configcicd.core.model.ConfigScalar;
import io.configcicd.core.repo.Codecs;
import io.configcicd.core.repo.Settings;
import io.configcicd.core.security.SecretMasker;
import io.configcicd.core.validate.policy.SecretValue;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.revwalk.RevCommit;

/**
 * Keeps plaintext secrets out of the git objects the product writes (backup commits, rollback commits): finds the
 * files that would put a plaintext secret into git that git does not hold already.
 *
 * <ul>
 *   <li>A plaintext secret is what {@code security.plaintext-secret} reports ({@link SecretValue#isPlaintext()}): a
 *       value under a secret key that is not empty, not only {@code ${VAR}} references and not {@code ENC[...]}
 *       (a literal default of a reference counts). Secret keys are those of the settings on disk and, when the
 *       files include {@code config-cicd.yaml}, of that one too.</li>
 *   <li>A file whose bytes are already a blob of the repository adds no object and is not checked.</li>
 *   <li>A plaintext secret that HEAD's version of the same file already writes in clear is in git already: a backup
 *       commit's parent is HEAD, so pushing its tag publishes HEAD anyway. Only secrets that git does not hold yet
 *       are reported.</li>
 *   <li>A file that does not parse cannot be checked and is reported (it may be the only copy of a secret).</li>
 * </ul>
 * Results name file, line and path, never the value.
 */
final class PlaintextSecrets {

    private PlaintextSecrets() {
    }

    /**
     * Where the files would write a plaintext secret into a new git object: {@code file:line:column (path)}, or the
     * file and why it cannot be checked; empty when writing them into git discloses no secret.
     */
    static List<String> newIn(BackupGit git, Path root, Optional<RevCommit> head, BackupContent files) throws IOException {
        List<SecretMasker> keys = secretKeys(root, files);
        ObjectInserter.Formatter ids = new ObjectInserter.Formatter();
        List<String> out = new ArrayList<>();
        for (Map.Entry<String, byte[]> f : files.files().entrySet()) {
            ObjectId blob = ids.idFor(Constants.OBJ_BLOB, f.getValue());
            if (git.repository().getObjectDatabase().has(blob)) {
                continue;
            }
            Optional<ConfigNode> tree = parse(f.getKey(), f.getValue());
            if (tree.isEmpty()) {
                out.add(f.getKey() + " (it does not parse, so it cannot be checked for plaintext secrets)");
                continue;
            }
            List<Found> found = plaintexts(tree.get(), keys);
            if (found.isEmpty()) {
                continue;
            }
            Set<String> known = known(git, head, f.getKey(), keys);
            found.stream().filter(s -> !known.contains(s.text())).forEach(s -> out.add(s.where()));
        }
        return out;
    }

    /** A plaintext secret: where it is written ({@code file:line:column (path)}) and its text. */
    private record Found(String where, String text) {
    }

    private static List<Found> plaintexts(ConfigNode tree, List<SecretMasker> keys) {
        List<Found> out = new ArrayList<>();
        ConfigNodes.walk(tree, ConfigPath.root(), (path, node) -> {
            if (node instanceof ConfigScalar s && isSecret(path, keys) && SecretValue.of(s).isPlaintext()) {
                out.add(new Found(s.origin() + " (" + path + ")", s.asText()));
            }
        });
        return out;
    }

    private static boolean isSecret(ConfigPath path, List<SecretMasker> keys) {
        return keys.stream().anyMatch(k -> k.isSecret(path));
    }

    /** The plaintext secrets that HEAD's version of the file writes, by text (none when it has none or no such file). */
    private static Set<String> known(BackupGit git, Optional<RevCommit> head, String file, List<SecretMasker> keys)
            throws IOException {
        Set<String> out = new HashSet<>();
        if (head.isPresent()) {
            Optional<byte[]> before = git.file(head.get(), file);
            before.flatMap(b -> parse(file, b)).ifPresent(t -> plaintexts(t, keys).forEach(s -> out.add(s.text())));
        }
        return out;
    }

    private static List<SecretMasker> secretKeys(Path root, BackupContent files) {
        List<SecretMasker> out = new ArrayList<>();
        Path settings = root.resolve(Settings.FILE_NAME);
        byte[] onDisk = null;
        try {
            onDisk = Files.isRegularFile(settings) ? Files.readAllBytes(settings) : null;
        } catch (IOException e) {
            // the default keys below still apply
        }
        for (byte[] bytes : new byte[][] {onDisk, files.files().get(Settings.FILE_NAME)}) {
            out.add(new SecretMasker(bytes == null ? Settings.DEFAULT_SECRET_KEYS : secretKeys(bytes)));
        }
        return out;
    }

    private static List<String> secretKeys(byte[] settings) {
        try {
            return parse(Settings.FILE_NAME, settings).map(t -> Settings.from((ConfigMap) t).secretKeys())
                    .orElse(Settings.DEFAULT_SECRET_KEYS);
        } catch (RuntimeException e) {
            return Settings.DEFAULT_SECRET_KEYS;
        }
    }

    private static Optional<ConfigNode> parse(String file, byte[] bytes) {
        try {
            return Optional.of(Codecs.standard().forFile(file).parse(bytes, file, LoadLimits.DEFAULT));
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }
}
