package dev.sandtable.cli;

import picocli.CommandLine;

/** Reports the Sandtable version and the upstream Kubernetes version it mirrors. */
public final class Version implements CommandLine.IVersionProvider {
    public static String version() {
        String v = Version.class.getPackage().getImplementationVersion();
        return v == null ? "0.1.0-SNAPSHOT" : v;
    }

    @Override
    public String[] getVersion() {
        return new String[] {"sandtable " + version() + " (mirrors Kubernetes " + dev.sandtable.api.KindRegistry.KUBERNETES_VERSION + ")"};
    }
}
