package dev.sandtable.network.istio;

import java.util.Map;

/**
 * Whether Istio's sidecar injector (istio-sidecar-injector webhook, Istio 1.22 defaults) gives a pod a proxy: the
 * pod's sidecar.istio.io/inject label (or annotation) decides when set; otherwise its namespace's istio-injection
 * label, or an istio.io/rev revision label, does.
 */
public final class Sidecars {
    public static final String NAMESPACE_LABEL = "istio-injection";
    public static final String REVISION_LABEL = "istio.io/rev";
    public static final String POD_KEY = "sidecar.istio.io/inject";

    private Sidecars() {
    }

    public static boolean injected(Map<String, String> namespaceLabels, Map<String, String> podLabels, Map<String, String> podAnnotations) {
        String pod = podLabels != null && podLabels.containsKey(POD_KEY) ? podLabels.get(POD_KEY)
                : podAnnotations != null ? podAnnotations.get(POD_KEY) : null;
        if ("false".equals(pod)) {
            return false;
        }
        String ns = namespaceLabels == null ? null : namespaceLabels.get(NAMESPACE_LABEL);
        if ("disabled".equals(ns)) {
            return false;
        }
        return "true".equals(pod) || "enabled".equals(ns) || (namespaceLabels != null && namespaceLabels.containsKey(REVISION_LABEL));
    }
}
