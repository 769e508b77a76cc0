package dev.sandtable.api;

import io.fabric8.kubernetes.api.model.Taint;
import io.fabric8.kubernetes.api.model.Toleration;
import java.util.List;

/** Toleration matching as k8s.io/api core/v1 Toleration.ToleratesTaint (v1.31) defines it. */
public final class Tolerations {
    private Tolerations() {
    }

    public static boolean tolerates(Toleration t, Taint taint) {
        if (t.getEffect() != null && !t.getEffect().isEmpty() && !t.getEffect().equals(taint.getEffect())) {
            return false;
        }
        String key = t.getKey() == null ? "" : t.getKey();
        if (!key.isEmpty() && !key.equals(taint.getKey())) {
            return false;
        }
        String op = t.getOperator() == null || t.getOperator().isEmpty() ? "Equal" : t.getOperator();
        return switch (op) {
            case "Exists" -> true;
            case "Equal" -> nullToEmpty(t.getValue()).equals(nullToEmpty(taint.getValue()));
            default -> false;
        };
    }

    public static boolean anyTolerates(List<Toleration> tolerations, Taint taint) {
        if (tolerations != null) {
            for (Toleration t : tolerations) {
                if (tolerates(t, taint)) {
                    return true;
                }
            }
        }
        return false;
    }

    private static String nullToEmpty(String s) {
        return s == null ? "" : s;
    }
}
