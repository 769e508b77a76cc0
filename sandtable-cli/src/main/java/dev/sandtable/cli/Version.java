package dev.sandtable.cli;

import dev.sandtable.api.KindRegistry;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/** Reports the Sandtable version, the commit it was built from (when the build had git) and the Kubernetes version it mirrors. */
public final class Version implements CommandLine.IVersionProvider {
    public static String version() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }

    /** "commit 1a2b3c4d5e6f", with "+ uncommitted changes" when the tree was dirty; empty without git. */
    static String commit(Properties build) {
        String commit = build.getProperty("commit", "");
        if (commit.isEmpty()) {
            return "";
        }
        return "commit " + commit + ("true".equals(build.getProperty("dirty")) ? " + uncommitted changes" : "");
    }

    static Properties build() {
        Properties p = new Properties();
        try (InputStream in = Version.class.getResourceAsStream("build.properties")) {
            if (in != null) {
                p.load(in);
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return p;
    }

    @Override
    public String[] getVersion() {
        String commit = commit(build());
        return new String[] {"sandtable " + version() + (commit.isEmpty() ? "" : ", " + commit)
                + " (mirrors Kubernetes " + KindRegistry.KUBERNETES_VERSION + ")"};
    }
}
