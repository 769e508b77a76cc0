package dev.sandtable.engine;

import io.fabric8.kubernetes.api.model.HasMetadata;
import java.util.Set;

/**
 * Built-in kinds whose controllers or admission Sandtable does not run yet: such objects are stored and listed as
 * not simulated, so a report never suggests that, say, a quota or a Job was taken into account.
 */
public final class NotYetSimulated {
    private static final Set<String> KINDS = Set.of("Job", "CronJob", "ResourceQuota", "LimitRange",
            "PersistentVolumeClaim", "PersistentVolume", "StorageClass", "Ingress", "IngressClass", "ReplicationController",
            "ValidatingWebhookConfiguration", "MutatingWebhookConfiguration", "ValidatingAdmissionPolicy", "RuntimeClass");

    private NotYetSimulated() {
    }

    public static boolean applies(HasMetadata o) {
        return KINDS.contains(o.getKind());
    }
}
