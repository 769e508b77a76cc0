package dev.sandtable.kubelet;

import dev.sandtable.api.Resources;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.PodSpec;
import java.util.ArrayList;
import java.util.List;

/** Pod QoS class as pkg/apis/core/helper/qos (v1.31) assigns it: Guaranteed, Burstable or BestEffort. */
public final class QosClass {
    private QosClass() {
    }

    public static String of(PodSpec spec) {
        List<Container> all = new ArrayList<>(spec.getContainers());
        if (spec.getInitContainers() != null) {
            all.addAll(spec.getInitContainers());
        }
        boolean anySet = false;
        boolean guaranteed = true;
        for (Container c : all) {
            var rr = c.getResources();
            Resources req = rr == null ? Resources.ZERO : Resources.of(rr.getRequests());
            Resources lim = rr == null ? Resources.ZERO : Resources.of(rr.getLimits());
            if (req.cpuMillis() > 0 || req.memoryBytes() > 0 || lim.cpuMillis() > 0 || lim.memoryBytes() > 0) {
                anySet = true;
            }
            boolean cpuOk = lim.cpuMillis() > 0 && (req.cpuMillis() == 0 || req.cpuMillis() == lim.cpuMillis());
            boolean memOk = lim.memoryBytes() > 0 && (req.memoryBytes() == 0 || req.memoryBytes() == lim.memoryBytes());
            if (!cpuOk || !memOk) {
                guaranteed = false;
            }
        }
        if (!anySet) {
            return "BestEffort";
        }
        return guaranteed ? "Guaranteed" : "Burstable";
    }
}
