package dev.sandtable.scheduler.framework;

import java.util.List;

/** A plugin's verdict, with the codes of the scheduling framework (kube-scheduler v1.31 framework.Status). */
public record Status(Code code, String plugin, List<String> reasons) {
    public enum Code { SUCCESS, UNSCHEDULABLE, UNSCHEDULABLE_AND_UNRESOLVABLE, ERROR, SKIP }

    public static final Status SUCCESS = new Status(Code.SUCCESS, "", List.of());
    public static final Status SKIP = new Status(Code.SKIP, "", List.of());

    public static Status unschedulable(String plugin, String... reasons) {
        return new Status(Code.UNSCHEDULABLE, plugin, List.of(reasons));
    }

    public static Status unresolvable(String plugin, String... reasons) {
        return new Status(Code.UNSCHEDULABLE_AND_UNRESOLVABLE, plugin, List.of(reasons));
    }

    public boolean isSuccess() {
        return code == Code.SUCCESS;
    }
}
