package io.configcicd.core.deploy;

import static org.assertj.core.api.Assertions.assertThat;

import io.configcicd.core.testing.GitRepo;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class WorkTreeStateTest {

    @TempDir
    Path tmp;

    private GitRepo committed() {
        GitRepo repo = GitRepo.init(tmp.resolve("repo"));
        repo.write("configuration/global/base.yaml", "kgot: {depth: 3}\n")
                .write("configuration/environments/production.yaml", "kgot: {depth: 5}\n")
                .write("configuration/.config-cicd/audit.log", "line 1\n");
        repo.commitAll("as deployed");
        return repo;
    }

    @Test
    void theProductsOwnStateIsNoChangeEvenWhenTheRepositoryTracksIt() {
        GitRepo repo = committed();
        repo.write("configuration/.config-cicd/audit.log", "line 1\nline 2\n")
                .write("configuration/.config-cicd/deployments/d-1.json", "{}\n");

        WorkTreeState state = WorkTreeState.of(repo.root().resolve("configuration"));

        assertThat(state.dirty()).isEmpty();
        assertThat(state.commit()).doesNotEndWith("-dirty").hasSize(40);
    }

    @Test
    void anEditedOrNewConfigurationFileMakesTheDeployADirtyOne() {
        GitRepo repo = committed();
        repo.write("configuration/environments/production.yaml", "kgot: {depth: 6}\n");

        WorkTreeState edited = WorkTreeState.of(repo.root().resolve("configuration"));

        assertThat(edited.dirty()).contains("uncommitted changes");
        assertThat(edited.commit()).endsWith("-dirty");
    }

    @Test
    void outsideGitThereIsNoCommitAndTheDirectoryCountsAsDirty() {
        WorkTreeState state = WorkTreeState.of(tmp);

        assertThat(state.head()).isEmpty();
        assertThat(state.commit()).isEqualTo("work-tree");
        assertThat(state.dirty()).isNotEmpty();
    }
}
