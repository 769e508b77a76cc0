package dev.sandtable.kubelet;

import dev.sandtable.api.ObjectStore;
import dev.sandtable.api.WatchEvent;
import dev.sandtable.cluster.NodeFactory;
import dev.sandtable.api.Pods;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.ContainerState;
import io.fabric8.kubernetes.api.model.ContainerStateRunning;
import io.fabric8.kubernetes.api.model.ContainerStatus;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.NodeAddress;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodIP;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The kubelets of all nodes (pkg/kubelet v1.31, pod lifecycle first cut): a bound pod has its images
 * pulled (once per node), its init containers run in order, then its containers start; it turns Ready
 * after the readiness probe's initialDelaySeconds.
 */
public final class Kubelet {
    private final ObjectStore store;
    private final KubeletTiming timing;
    private final Set<String> started = new HashSet<>();
    private final Map<String, Set<String>> imagesOnNode = new HashMap<>();
    private final PodIpam ipam = new PodIpam();
    // Pods whose sandbox waits for an address, per node, in the order they asked: retried when one is released.
    private final Map<String, java.util.LinkedHashMap<String, String>> waitingForAddress = new HashMap<>();
    private final Map<String, Backoff> backoffs = new HashMap<>();
    private java.util.function.Predicate<Pod> starts = pod -> true;

    /** Container restart back-off as the kubelet applies it: 10 s doubling to 5 min, forgotten after 10 min of running. */
    static final Duration BACKOFF_INITIAL = Duration.ofSeconds(10);
    static final Duration BACKOFF_MAX = Duration.ofMinutes(5);
    static final Duration BACKOFF_RESET = Duration.ofMinutes(10);

    private record Backoff(Duration next, long lastStartMillis) {
    }

    public Kubelet(ObjectStore store, KubeletTiming timing) {
        this.store = store;
        this.timing = timing;
        store.watch(Pod.class, this::onPod);
    }

    private void onPod(WatchEvent<Pod> e) {
        Pod pod = e.object();
        String uid = pod.getMetadata().getUid();
        if (e.type() == WatchEvent.Type.DELETED) {
            started.remove(uid);
            backoffs.remove(uid);
            ipam.release(uid);
            String nodeName = pod.getSpec().getNodeName();
            var waiting = nodeName == null ? null : waitingForAddress.get(nodeName);
            if (waiting != null && waiting.remove(uid) == null && !waiting.isEmpty()) {
                // An address came free: the first pod waiting on this node retries its sandbox.
                var next = waiting.pollFirstEntry();
                store.clock().after(Duration.ZERO, () -> retrySandbox(next.getValue(), next.getKey()));
            }
            return;
        }
        String nodeName = pod.getSpec().getNodeName();
        if (nodeName == null || !Pods.isActive(pod) || started.contains(uid) || !starts.test(pod)) {
            return;
        }
        Node node = store.get(Node.class, "", nodeName).orElse(null);
        if (node == null) {
            return;
        }
        started.add(uid);
        sandbox(pod, node);
    }

    /** Creates the pod's sandbox (its network first), then pulls images and starts containers; without an address it waits. */
    private void sandbox(Pod pod, Node node) {
        String uid = pod.getMetadata().getUid();
        String nodeName = node.getMetadata().getName();
        String key = pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
        if (ipam.allocate(node, uid) instanceof PodIpam.Exhausted x) {
            waitingForAddress.computeIfAbsent(nodeName, n -> new java.util.LinkedHashMap<>()).put(uid, key);
            store.clock().after(Duration.ZERO, () -> noSandbox(key, uid, x.reason()));
            return;
        }
        Duration pull = Duration.ZERO;
        Set<String> images = imagesOnNode.computeIfAbsent(nodeName, n -> new HashSet<>());
        for (Container c : allContainers(pod)) {
            if (c.getImage() != null && images.add(c.getImage())) {
                pull = pull.plus(timing.imagePull());
            }
        }
        int inits = pod.getSpec().getInitContainers() == null ? 0 : pod.getSpec().getInitContainers().size();
        Duration toRunning = pull.plus(timing.initContainerRun().multipliedBy(inits)).plus(timing.containerStart());
        store.clock().after(toRunning, () -> run(key, uid, node));
    }

    private void retrySandbox(String key, String uid) {
        Pod pod = current(key, uid);
        Node node = pod == null ? null : store.get(Node.class, "", pod.getSpec().getNodeName()).orElse(null);
        if (node != null) {
            sandbox(pod, node);
        }
    }

    /** The sandbox could not get an address: the pod stays Pending in ContainerCreating, as the kubelet leaves it. */
    private void noSandbox(String key, String uid, String reason) {
        Pod pod = current(key, uid);
        if (pod == null) {
            return;
        }
        String now = timestamp();
        PodStatus s = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
        s.setPhase("Pending");
        s.setHostIP(internalIp(store.get(Node.class, "", pod.getSpec().getNodeName()).orElse(null)));
        String message = "failed to create pod sandbox: failed to set up the pod network: " + reason;
        List<ContainerStatus> statuses = new ArrayList<>();
        for (Container c : pod.getSpec().getContainers()) {
            ContainerStatus cs = new ContainerStatus();
            cs.setName(c.getName());
            cs.setImage(c.getImage());
            cs.setReady(false);
            cs.setStarted(false);
            cs.setRestartCount(0);
            cs.setState(new ContainerState(null, null, new io.fabric8.kubernetes.api.model.ContainerStateWaiting(message, "ContainerCreating")));
            statuses.add(cs);
        }
        s.setContainerStatuses(statuses);
        setCondition(s, "PodReadyToStartContainers", "False", now);
        setCondition(s, "ContainersReady", "False", now);
        setCondition(s, "Ready", "False", now);
        pod.setStatus(s);
        store.updateStatus(pod);
    }

    private void run(String key, String uid, Node node) {
        Pod pod = current(key, uid);
        if (pod == null) {
            return;
        }
        String now = timestamp();
        PodStatus s = pod.getStatus() == null ? new PodStatus() : pod.getStatus();
        s.setPhase("Running");
        s.setStartTime(now);
        s.setHostIP(internalIp(node));
        if (!(ipam.allocate(node, uid) instanceof PodIpam.Assigned ips)) {
            throw new IllegalStateException("pod " + key + " runs without a sandbox");
        }
        s.setPodIP(ips.ips().getFirst());
        s.setPodIPs(ips.ips().stream().map(PodIP::new).toList());
        s.setQosClass(QosClass.of(pod.getSpec()));
        List<ContainerStatus> statuses = new ArrayList<>();
        for (Container c : pod.getSpec().getContainers()) {
            ContainerStatus cs = new ContainerStatus();
            cs.setName(c.getName());
            cs.setImage(c.getImage());
            cs.setReady(false);
            cs.setStarted(true);
            cs.setRestartCount(0);
            cs.setState(new ContainerState(new ContainerStateRunning(now), null, null));
            statuses.add(cs);
        }
        s.setContainerStatuses(statuses);
        setCondition(s, "PodReadyToStartContainers", "True", now);
        setCondition(s, "Initialized", "True", now);
        Duration readiness = readinessDelay(pod);
        // Without a readiness delay the first status the kubelet reports already says Ready.
        boolean readyNow = readiness.isZero();
        for (ContainerStatus cs : statuses) {
            cs.setReady(readyNow);
        }
        setCondition(s, "ContainersReady", readyNow ? "True" : "False", now);
        setCondition(s, "Ready", readyNow ? "True" : "False", now);
        pod.setStatus(s);
        store.updateStatus(pod);
        if (!readyNow) {
            store.clock().after(readiness, () -> ready(key, uid));
        }
    }

    private void ready(String key, String uid) {
        Pod pod = current(key, uid);
        if (pod == null || pod.getStatus().getContainerStatuses().stream().anyMatch(cs -> !Boolean.TRUE.equals(cs.getStarted()))) {
            return;
        }
        String now = timestamp();
        for (ContainerStatus cs : pod.getStatus().getContainerStatuses()) {
            cs.setReady(true);
        }
        setCondition(pod.getStatus(), "ContainersReady", "True", now);
        setCondition(pod.getStatus(), "Ready", "True", now);
        store.updateStatus(pod);
    }

    /**
     * Limits which bound pods the kubelets start; placing pods once needs only those whose readiness gates
     * the creation of others (ordered StatefulSets).
     */
    public void startOnly(java.util.function.Predicate<Pod> which) {
        this.starts = which;
    }

    /**
     * The container ran out of memory: the kernel kills it (OOMKilled, exit 137), the pod turns unready, and the
     * kubelet restarts it after the CrashLoopBackOff delay. Returns when the container will run again.
     */
    public Duration oomKill(Pod pod) {
        String uid = pod.getMetadata().getUid();
        long now = store.clock().nowMillis();
        Backoff b = backoffs.get(uid);
        Duration delay = b == null || now - b.lastStartMillis() >= BACKOFF_RESET.toMillis() ? BACKOFF_INITIAL : b.next();
        backoffs.put(uid, new Backoff(min(delay.multipliedBy(2), BACKOFF_MAX), now + delay.toMillis()));
        String ts = timestamp();
        for (ContainerStatus cs : pod.getStatus().getContainerStatuses()) {
            cs.setReady(false);
            cs.setStarted(false);
            cs.setRestartCount(cs.getRestartCount() == null ? 1 : cs.getRestartCount() + 1);
            var terminated = new io.fabric8.kubernetes.api.model.ContainerStateTerminated();
            terminated.setReason("OOMKilled");
            terminated.setExitCode(137);
            terminated.setFinishedAt(ts);
            cs.setLastState(new ContainerState(null, terminated, null));
            cs.setState(new ContainerState(null, null, new io.fabric8.kubernetes.api.model.ContainerStateWaiting("back-off restarting failed container", "CrashLoopBackOff")));
        }
        setCondition(pod.getStatus(), "ContainersReady", "False", ts);
        setCondition(pod.getStatus(), "Ready", "False", ts);
        store.updateStatus(pod);
        String key = pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
        store.clock().after(delay, () -> restart(key, uid));
        return delay;
    }

    private void restart(String key, String uid) {
        Pod pod = current(key, uid);
        if (pod == null) {
            return;
        }
        String ts = timestamp();
        for (ContainerStatus cs : pod.getStatus().getContainerStatuses()) {
            cs.setStarted(true);
            cs.setState(new ContainerState(new ContainerStateRunning(ts), null, null));
        }
        store.updateStatus(pod);
        store.clock().after(readinessDelay(pod), () -> ready(key, uid));
    }

    private static Duration min(Duration a, Duration b) {
        return a.compareTo(b) <= 0 ? a : b;
    }

    /** The longest readiness probe initial delay among the containers: the pod is Ready when all are. */
    private Duration readinessDelay(Pod pod) {
        long seconds = 0;
        for (Container c : pod.getSpec().getContainers()) {
            if (c.getReadinessProbe() != null && c.getReadinessProbe().getInitialDelaySeconds() != null) {
                seconds = Math.max(seconds, c.getReadinessProbe().getInitialDelaySeconds());
            }
        }
        return Duration.ofSeconds(seconds);
    }

    private Pod current(String key, String uid) {
        int slash = key.indexOf('/');
        Pod pod = store.get(Pod.class, key.substring(0, slash), key.substring(slash + 1)).orElse(null);
        return pod != null && uid.equals(pod.getMetadata().getUid()) && Pods.isActive(pod) ? pod : null;
    }

    private static String internalIp(Node node) {
        if (node != null && node.getStatus() != null && node.getStatus().getAddresses() != null) {
            for (NodeAddress a : node.getStatus().getAddresses()) {
                if ("InternalIP".equals(a.getType())) {
                    return a.getAddress();
                }
            }
        }
        return NodeFactory.internalIp(0);
    }

    private static void setCondition(PodStatus s, String type, String status, String now) {
        if (s.getConditions() == null) {
            s.setConditions(new ArrayList<>());
        }
        for (PodCondition c : s.getConditions()) {
            if (type.equals(c.getType())) {
                if (!status.equals(c.getStatus())) {
                    c.setStatus(status);
                    c.setLastTransitionTime(now);
                }
                return;
            }
        }
        s.getConditions().add(new PodCondition(null, now, null, null, null, status, type));
    }

    private static List<Container> allContainers(Pod pod) {
        List<Container> all = new ArrayList<>();
        if (pod.getSpec().getInitContainers() != null) {
            all.addAll(pod.getSpec().getInitContainers());
        }
        all.addAll(pod.getSpec().getContainers());
        return all;
    }

    private String timestamp() {
        return store.clock().timestamp();
    }
}
