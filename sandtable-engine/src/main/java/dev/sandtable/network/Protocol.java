package dev.sandtable.network;

import java.util.Locale;

/** The transport protocols a NetworkPolicyPort may name (core/v1 Protocol as networking.k8s.io/v1 accepts it, Kubernetes 1.31). */
public enum Protocol {
    TCP, UDP, SCTP;

    /** The API's spelling (upper case); null means the API default, TCP. Returns null for anything else. */
    public static Protocol ofApi(String value) {
        if (value == null) {
            return TCP;
        }
        for (Protocol p : values()) {
            if (p.name().equals(value)) {
                return p;
            }
        }
        return null;
    }

    /** A user's spelling on the command line: any case. Returns null when it is not a protocol. */
    public static Protocol ofUser(String value) {
        return value == null ? null : ofApi(value.toUpperCase(Locale.ROOT));
    }
}
