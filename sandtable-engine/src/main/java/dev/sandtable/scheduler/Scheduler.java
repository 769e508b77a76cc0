package dev.sandtable.scheduler;

import dev.sandtable.api.ObjectStore;
import dev.sandtable.api.WatchEvent;
import dev.sandtable.scheduler.framework.Explanation;
import dev.sandtable.scheduler.framework.Framework;
import dev.sandtable.scheduler.framework.NodeInfo;
import dev.sandtable.scheduler.framework.PodInfo;
import dev.sandtable.scheduler.framework.PostFilterResult;
import dev.sandtable.scheduler.framework.Profile;
import dev.sandtable.scheduler.framework.ScheduleResult;
import dev.sandtable.sim.SeededRandom;
import dev.sandtable.sim.SimClock;
import io.fabric8.kubernetes.api.model.Node;
import io.fabric8.kubernetes.api.model.Pod;
import io.fabric8.kubernetes.api.model.PodCondition;
import io.fabric8.kubernetes.api.model.PodStatus;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.function.Predicate;

/**
 * kube-scheduler (v1.31) as a simulated component: watches pods and nodes, schedules pending pods
 * one at a time from its queue, binds them, and records why a pod could not be placed.
 */
public final class Scheduler {
    static final Duration FLUSH_INTERVAL = Duration.ofSeconds(30);

    private final ObjectStore store;
    private final SimClock clock;
    private final Map<String, Framework> frameworks = new LinkedHashMap<>();
    private final SchedulerCache cache = new SchedulerCache();
    private final SchedulingQueue queue = new SchedulingQueue();
    private final Map<String, ScheduleResult> lastFailure = new HashMap<>();
    private final Map<String, Explanation> explanations = new LinkedHashMap<>();
    private Predicate<String> explainOnSchedule = key -> false;
    private final Set<String> delayedRequeues = new HashSet<>();
    private boolean drainScheduled;
    private boolean flushScheduled;
    private long attempts;
    private long preemptions;
    private final Map<String, List<PodInfo>> nominated = new HashMap<>();
    private final Map<String, String> nominatedNodeOf = new HashMap<>();

    public Scheduler(ObjectStore store, SeededRandom random, List<Profile> profiles) {
        this.store = store;
        this.clock = store.clock();
        for (Profile p : profiles) {
            Framework f = new Framework(p, random);
            f.setNominatedPods(new Framework.NominatedPods() {
                @Override
                public List<PodInfo> on(String node) {
                    return nominated.getOrDefault(node, List.of());
                }

                @Override
                public boolean any() {
                    return !nominated.isEmpty();
                }
            });
            frameworks.put(p.schedulerName(), f);
        }
        store.watch(Node.class, this::onNode);
        store.watch(Pod.class, this::onPod);
    }

    /** The scheduler names this scheduler's profiles answer to. */
    public Set<String> schedulerNames() {
        return frameworks.keySet();
    }

    /** The last failed scheduling cycle of a pod that is still pending, if any. */
    public Optional<ScheduleResult> lastFailure(String podKey) {
        return Optional.ofNullable(lastFailure.get(podKey));
    }

    /** Records an explanation at the moment each matching pod (by namespace/name) is scheduled or fails. */
    public void explainWhenScheduling(Predicate<String> podKeys) {
        this.explainOnSchedule = podKeys;
    }

    /** Explanations recorded while scheduling, by pod key, in scheduling order (last attempt wins). */
    public Map<String, Explanation> explanations() {
        return explanations;
    }

    /** Explains how the pod would be scheduled against the cluster as it is now, without changing anything. */
    public Explanation explainNow(Pod pod) {
        PodInfo info = new PodInfo(pod);
        List<NodeInfo> nodes = cache.nodeList();
        ScheduleResult verdict = lastFailure.getOrDefault(key(pod), new ScheduleResult(key(pod), pod.getSpec().getNodeName(),
                nodes.size(), Map.of(), List.of(), null));
        Framework framework = frameworks.get(schedulerNameOf(pod));
        if (framework == null) {
            return new Explanation(key(pod), nodes.size(), null, List.of(), null,
                    "no scheduler profile named " + schedulerNameOf(pod) + " runs in this cluster, so nothing schedules the pod");
        }
        return framework.explain(info, nodes, verdict);
    }

    public long attempts() {
        return attempts;
    }

    private void onNode(WatchEvent<Node> e) {
        if (e.type() == WatchEvent.Type.DELETED) {
            cache.removeNode(e.object().getMetadata().getName());
            return;
        }
        cache.upsertNode(e.object());
        moveAllToActive();
    }

    private void onPod(WatchEvent<Pod> e) {
        Pod pod = e.object();
        String key = key(pod);
        String uid = pod.getMetadata().getUid();
        if (e.type() == WatchEvent.Type.DELETED || isTerminal(pod)) {
            clearNomination(key);
            queue.done(key);
            lastFailure.remove(key);
            if (cache.forgetPod(uid)) {
                moveAllToActive();
            }
            return;
        }
        String nodeName = pod.getSpec().getNodeName();
        if (nodeName != null && !nodeName.isEmpty()) {
            if (!cache.knowsPod(uid)) {
                cache.assignPod(uid, nodeName, new PodInfo(pod));
            }
            clearNomination(key);
            queue.done(key);
            lastFailure.remove(key);
            return;
        }
        if (e.type() == WatchEvent.Type.ADDED && frameworks.containsKey(schedulerNameOf(pod))) {
            queue.add(key, priority(pod));
            kick();
        }
    }

    private void kick() {
        if (!drainScheduled && queue.hasActive()) {
            drainScheduled = true;
            clock.after(Duration.ZERO, this::drain);
        }
    }

    private void drain() {
        drainScheduled = false;
        String key;
        while ((key = queue.pop()) != null) {
            scheduleOne(key);
        }
    }

    private void scheduleOne(String key) {
        int slash = key.indexOf('/');
        Optional<Pod> current = store.get(Pod.class, key.substring(0, slash), key.substring(slash + 1));
        if (current.isEmpty() || current.get().getSpec().getNodeName() != null) {
            queue.done(key);
            return;
        }
        Pod pod = current.get();
        PodInfo info = new PodInfo(pod);
        attempts++;
        Framework framework = frameworks.get(schedulerNameOf(pod));
        List<NodeInfo> nodes = cache.nodeList();
        String nominated = nominatedNodeThatFits(framework, info, nodes);
        ScheduleResult result = nominated != null
                ? new ScheduleResult(key, nominated, nodes.size(), Map.of(), List.of(), null)
                : framework.schedule(info, nodes);
        boolean preempted = false;
        if (!result.scheduled() && !framework.profile().postFilters().isEmpty()) {
            PostFilterResult outcome = framework.runPostFilters(info, nodes, result);
            if (outcome.nominated()) {
                nominate(pod, outcome);
                preempted = true;
            } else {
                result = result.withPostFilterMessage(outcome.message());
            }
        }
        if (explainOnSchedule.test(key)) {
            explanations.put(key, framework.explain(info, nodes, result));
        }
        if (result.scheduled()) {
            cache.assignPod(pod.getMetadata().getUid(), result.node(), info);
            queue.done(key);
            lastFailure.remove(key);
            bind(pod, result.node());
        } else {
            queue.markUnschedulable(key, info.priority(), clock.nowMillis());
            lastFailure.put(key, result);
            setScheduledCondition(pod, "False", "Unschedulable", result.message());
            if (preempted) {
                // The victims' deletions were seen before this pod was parked, so retry it once its backoff ends.
                requeueAfterBackoff(key, info.priority());
            }
            scheduleFlush();
        }
    }

    /** evaluateNominatedNode: a pod that preempted tries its nominated node first. */
    private String nominatedNodeThatFits(Framework framework, PodInfo info, List<NodeInfo> nodes) {
        String nominated = info.pod().getStatus() == null ? null : info.pod().getStatus().getNominatedNodeName();
        if (nominated == null || nominated.isEmpty()) {
            return null;
        }
        NodeInfo node = cache.node(nominated);
        return node != null && framework.evaluate(info, nodes, node).isSuccess() ? nominated : null;
    }

    /** Deletes the victims (as evictions with zero grace here) and records the nominated node on the pod. */
    private void nominate(Pod pod, PostFilterResult outcome) {
        preemptions++;
        for (Pod victim : outcome.victims()) {
            store.delete(victim);
        }
        if (pod.getStatus() == null) {
            pod.setStatus(new PodStatus());
        }
        pod.getStatus().setNominatedNodeName(outcome.nominatedNode());
        store.updateStatus(pod);
        clearNomination(key(pod));
        nominatedNodeOf.put(key(pod), outcome.nominatedNode());
        nominated.computeIfAbsent(outcome.nominatedNode(), n -> new ArrayList<>()).add(new PodInfo(pod));
    }

    private void clearNomination(String key) {
        String node = nominatedNodeOf.remove(key);
        if (node != null) {
            List<PodInfo> list = nominated.get(node);
            list.removeIf(p -> p.key().equals(key));
            if (list.isEmpty()) {
                nominated.remove(node);
            }
        }
    }

    /** Pods deleted to make room for higher-priority pods so far. */
    public long preemptions() {
        return preemptions;
    }

    private void bind(Pod pod, String nodeName) {
        pod.getSpec().setNodeName(nodeName);
        setScheduledCondition(pod, "True", null, null);
    }

    private void setScheduledCondition(Pod pod, String status, String reason, String message) {
        if (pod.getStatus() == null) {
            pod.setStatus(new PodStatus());
        }
        List<PodCondition> conditions = pod.getStatus().getConditions();
        if (conditions == null) {
            conditions = new ArrayList<>();
            pod.getStatus().setConditions(conditions);
        }
        PodCondition existing = null;
        for (PodCondition c : conditions) {
            if ("PodScheduled".equals(c.getType())) {
                existing = c;
            }
        }
        if (existing != null && status.equals(existing.getStatus()) && Objects.equals(message, existing.getMessage())) {
            return;
        }
        String now = clock.timestamp();
        PodCondition c = new PodCondition(null, now, message, null, reason, status, "PodScheduled");
        if (existing != null) {
            conditions.remove(existing);
        }
        conditions.add(c);
        if (pod.getStatus().getPhase() == null) {
            pod.getStatus().setPhase("Pending");
        }
        store.updateStatus(pod);
    }

    /** A cluster change may help: retry unschedulable pods once their backoff has passed. */
    private void moveAllToActive() {
        for (Map.Entry<String, Integer> e : queue.unschedulablePods().entrySet()) {
            requeueAfterBackoff(e.getKey(), e.getValue());
        }
        kick();
    }

    private void requeueAfterBackoff(String key, int priority) {
        long readyAt = queue.readyAt(key);
        if (readyAt <= clock.nowMillis()) {
            queue.add(key, priority);
        } else if (delayedRequeues.add(key)) {
            clock.atInBackground(readyAt, () -> {
                delayedRequeues.remove(key);
                if (queue.unschedulablePods().containsKey(key)) {
                    queue.add(key, priority);
                    kick();
                }
            });
        }
    }

    private void scheduleFlush() {
        if (!flushScheduled) {
            flushScheduled = true;
            clock.afterInBackground(FLUSH_INTERVAL, this::flushUnschedulableLeftover);
        }
    }

    private void flushUnschedulableLeftover() {
        flushScheduled = false;
        List<Map.Entry<String, Integer>> due = new ArrayList<>();
        for (Iterator<Map.Entry<String, SchedulingQueue.Unschedulable>> it = queue.unschedulableEntries(); it.hasNext(); ) {
            var e = it.next();
            if (clock.nowMillis() - e.getValue().lastAttemptMillis() >= SchedulingQueue.MAX_IN_UNSCHEDULABLE.toMillis()) {
                due.add(Map.entry(e.getKey(), e.getValue().priority()));
            }
        }
        due.sort(Map.Entry.comparingByKey());
        for (var e : due) {
            queue.add(e.getKey(), e.getValue());
        }
        kick();
        if (queue.hasUnschedulable()) {
            scheduleFlush();
        }
    }

    static String key(Pod pod) {
        return pod.getMetadata().getNamespace() + "/" + pod.getMetadata().getName();
    }

    private static boolean isTerminal(Pod pod) {
        String phase = pod.getStatus() == null ? null : pod.getStatus().getPhase();
        return "Succeeded".equals(phase) || "Failed".equals(phase);
    }

    private static String schedulerNameOf(Pod pod) {
        String n = pod.getSpec().getSchedulerName();
        return n == null || n.isEmpty() ? Profile.DEFAULT_SCHEDULER : n;
    }

    private static int priority(Pod pod) {
        Integer p = pod.getSpec().getPriority();
        return p == null ? 0 : p;
    }
}
