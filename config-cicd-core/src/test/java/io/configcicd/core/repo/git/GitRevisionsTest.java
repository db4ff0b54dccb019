package io.configcicd.core.repo.git;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.configcicd.core.ConfigCicdException;
import io.configcicd.core.ErrorKind;
import io.configcicd.core.testing.GitRepo;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.HashSet;
import java.util.Set;
import org.eclipse.jgit.lib.Constants;
import org.eclipse.jgit.lib.ObjectId;
import org.eclipse.jgit.lib.ObjectInserter;
import org.eclipse.jgit.lib.Repository;
import org.eclipse.jgit.storage.file.FileRepositoryBuilder;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class GitRevisionsTest {

    private static final String NOT_IN_REPOSITORY = "6843f6a1234567890123456789012345678901ab";

    @TempDir
    Path tmp;

    private GitRepo origin;
    private String first;
    private String second;

    @BeforeEach
    void twoCommits() {
        origin = GitRepo.init(tmp.resolve("origin"));
        first = origin.write("configuration/global/base.yaml", "port: 8080\n").commitAll("first");
        origin.git("tag", "v1");
        second = origin.write("configuration/global/base.yaml", "port: 8081\n").commitAll("second");
        origin.git("branch", "feature", first);
    }

    private static Repository open(GitRepo repo) throws Exception {
        return new FileRepositoryBuilder().findGitDir(repo.root().toFile()).build();
    }

    @Test
    void aCommitIdAnAbbreviationATagABranchAndAnExpressionResolveToTheirCommit() throws Exception {
        try (Repository repo = open(origin)) {
            assertThat(GitRevisions.resolve(repo, second).name()).isEqualTo(second);
            assertThat(GitRevisions.resolve(repo, second.substring(0, 8)).name()).isEqualTo(second);
            assertThat(GitRevisions.resolve(repo, "v1").name()).isEqualTo(first);
            assertThat(GitRevisions.resolve(repo, "feature").name()).isEqualTo(first);
            assertThat(GitRevisions.resolve(repo, "HEAD~1").name()).isEqualTo(first);
        }
    }

    @Test
    void aWellFormedIdOfNoCommitIsAnUnknownRevisionNotAGitFailure() throws Exception {
        try (Repository repo = open(origin)) {
            assertThatThrownBy(() -> GitRevisions.resolve(repo, NOT_IN_REPOSITORY))
                    .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
                        assertThat(e.problem()).isEqualTo("unknown revision '" + NOT_IN_REPOSITORY
                                + "': no commit with that id is in this clone");
                        assertThat(e.hint()).contains("git log --oneline").doesNotContain("shallow");
                    });
        }
    }

    @Test
    void anUnknownAbbreviationTagBranchOrExpressionIsAnUnknownRevision() throws Exception {
        try (Repository repo = open(origin)) {
            for (String revision : new String[] {"6843f6a", "v9", "no-such-branch", "HEAD~5", "HEAD^^^{tree}x", "", "a b"}) {
                assertThatThrownBy(() -> GitRevisions.resolve(repo, revision)).as(revision)
                        .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                            assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
                            assertThat(e.problem()).startsWith("unknown revision '" + revision + "'");
                        });
            }
        }
    }

    @Test
    void anAbbreviationSharedBySeveralObjectsIsAmbiguousAndSaysToGiveMore() throws Exception {
        try (Repository repo = open(origin); ObjectInserter inserter = repo.newObjectInserter()) {
            Set<String> prefixes = new HashSet<>();
            String shared = null;
            for (int i = 0; shared == null; i++) {
                String prefix = inserter.insert(Constants.OBJ_BLOB, ("blob " + i).getBytes(StandardCharsets.UTF_8))
                        .name().substring(0, 4);
                shared = prefixes.add(prefix) ? null : prefix;
            }
            inserter.flush();
            String ambiguous = shared;

            assertThatThrownBy(() -> GitRevisions.find(repo, ambiguous))
                    .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                        assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
                        assertThat(e.problem()).startsWith("ambiguous revision '" + ambiguous + "'");
                        assertThat(e.hint()).contains("more characters");
                    });
        }
    }

    @Test
    void anIdOfATreeOrABlobIsNoCommit() throws Exception {
        String tree = origin.git("rev-parse", "HEAD^{tree}").trim();
        String blob = origin.git("rev-parse", "HEAD:configuration/global/base.yaml").trim();
        try (Repository repo = open(origin)) {
            assertThat(GitRevisions.find(repo, tree)).isEmpty();
            assertThat(GitRevisions.find(repo, blob)).isEmpty();
        }
    }

    @Test
    void inAShallowCloneTheBoundaryIsKnownAndAnUnknownRevisionSaysToFetchTheHistory() throws Exception {
        GitRepo shallow = origin.shallowClone(tmp.resolve("shallow"), 1);
        try (Repository repo = open(shallow)) {
            assertThat(GitRevisions.shallowCommits(repo)).containsExactly(ObjectId.fromString(second));
            assertThat(GitRevisions.isShallowBoundary(repo, ObjectId.fromString(second))).isTrue();
            for (String revision : new String[] {"HEAD~1", first}) {
                assertThatThrownBy(() -> GitRevisions.resolve(repo, revision)).as(revision)
                        .isInstanceOfSatisfying(ConfigCicdException.class, e -> {
                            assertThat(e.kind()).isEqualTo(ErrorKind.BAD_INPUT);
                            assertThat(e.problem()).startsWith("unknown revision '" + revision + "'");
                            assertThat(e.hint()).contains("shallow clone whose history stops at " + second.substring(0, 7))
                                    .contains("git fetch --unshallow").contains("fetch-depth: 0");
                        });
            }
        }
        try (Repository repo = open(origin)) {
            assertThat(GitRevisions.shallowCommits(repo)).isEmpty();
            assertThat(GitRevisions.isShallowBoundary(repo, ObjectId.fromString(first))).isFalse();
        }
    }
}
