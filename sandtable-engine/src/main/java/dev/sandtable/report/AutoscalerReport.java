package dev.sandtable.report;

import com.fasterxml.jackson.annotation.JsonInclude;
import dev.sandtable.autoscaler.ClusterAutoscaler;
import dev.sandtable.autoscaler.config.AutoscalingOptions;
import dev.sandtable.autoscaler.scaleup.ScaleUpDecision;
import dev.sandtable.engine.Simulation;
import dev.sandtable.sim.GoDurations;
import java.util.ArrayList;
import java.util.List;

/**
 * What the cluster autoscaler did and why, as data: the options in force, every scale-up considered (each pool's
 * verdict), every scale event, and the latest verdict on each node of an autoscaling pool.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AutoscalerReport(boolean active, List<String> expanders, String scaleDownUtilizationThreshold, String scaleDownUnneededTime,
                               String scaleDownDelayAfterAdd, int nodesAdded, int nodesRemoved, List<Event> events,
                               List<ScaleUp> scaleUps, List<Node> nodes) {

    /** The latest verdict on a node of an autoscaling pool: unneeded, kept or removed, why, and since when. */
    public record Node(String node, String pool, String state, String since, Double utilization, String why) {
    }

    /** A scale event or a refusal to scale up, at a simulated time (h:mm:ss since the simulation started). */
    public record Event(String at, String text) {
    }

    /** One scale-up considered. */
    public record ScaleUp(String at, int pendingPods, List<String> examplePods, String chosenPool, int nodes,
                          List<dev.sandtable.autoscaler.scaleup.PoolVerdict> pools) {
    }

    /** Times are offsets from origin (a scenario's time 0); earlier ones (its warm-up) get a minus sign. */
    public static AutoscalerReport of(Simulation sim, long originMillis) {
        ClusterAutoscaler ca = sim.autoscaler();
        AutoscalingOptions o = ca.options();
        List<Event> events = new ArrayList<>();
        for (ClusterAutoscaler.Event e : ca.events()) {
            events.add(new Event(at(e.atMillis(), originMillis), e.text()));
        }
        List<ScaleUp> ups = new ArrayList<>();
        for (ScaleUpDecision d : ca.scaleUps()) {
            ups.add(new ScaleUp(at(d.atMillis(), originMillis), d.pendingPods(), d.examplePods(), d.chosenPool(), d.nodes(), d.pools()));
        }
        return new AutoscalerReport(ca.active(), o.expanders(), String.valueOf(o.nodeGroupDefaults().scaleDownUtilizationThreshold()),
                GoDurations.format(o.nodeGroupDefaults().scaleDownUnneededTime()), GoDurations.format(o.scaleDownDelayAfterAdd()),
                ca.nodesAdded(), ca.nodesRemoved(), events, ups, ca.nodeVerdicts().values().stream()
                .map(v -> new Node(v.node(), v.pool(), v.state(), at(v.sinceMillis(), originMillis),
                        Double.isNaN(v.utilization()) ? null : Math.round(v.utilization() * 1000) / 1000.0, v.reason())).toList());
    }

    private static String at(long millis, long origin) {
        return millis < origin ? "-" + GoDurations.clock(origin - millis) : GoDurations.clock(millis - origin);
    }
}
