package dev.sandtable.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import org.junit.jupiter.api.Test;

class VersionTest {
    private static Properties build(String commit, String dirty) {
        Properties p = new Properties();
        p.setProperty("commit", commit);
        p.setProperty("dirty", dirty);
        return p;
    }

    @Test
    void aBuildFromAGitCloneNamesItsCommit() {
        assertThat(Version.commit(build("9be67f1301fa", "false"))).isEqualTo("commit 9be67f1301fa");
        assertThat(Version.commit(build("9be67f1301fa", "true"))).isEqualTo("commit 9be67f1301fa + uncommitted changes");
    }

    @Test
    void aBuildWithoutGitNamesNoCommit() {
        assertThat(Version.commit(build("", "false"))).isEmpty();
        assertThat(Version.commit(new Properties())).isEmpty();
    }

    @Test
    void thisBuildRecordedTheCommitOfItsClone() {
        assumeTrue(Files.exists(Path.of("../.git")), "a source tarball has no commit to record");
        assertThat(Cli.run("--version").out()).matches("sandtable \\S+, commit [0-9a-f]{12}( \\+ uncommitted changes)? \\(mirrors Kubernetes 1\\.31\\)\\R");
    }
}
