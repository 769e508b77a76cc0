package dev.sandtable.scheduler.framework;

import java.util.List;
import java.util.Map;

/**
 * The PostFilter extension point: runs after no node passed Filter, and may make one feasible (DefaultPreemption
 * nominates a node and names the victims to evict). The framework handle is passed in, as the plugin's dry runs need it.
 */
public interface PostFilterPlugin extends Plugin {
    PostFilterResult postFilter(Framework framework, PodInfo pod, List<NodeInfo> nodes, Map<String, Status> filtered, Status preFilter);
}
