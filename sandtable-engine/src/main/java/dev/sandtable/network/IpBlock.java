package dev.sandtable.network;

import dev.sandtable.api.Cidr;
import dev.sandtable.api.Ip;
import java.util.List;

/** A NetworkPolicyPeer ipBlock (networking.k8s.io/v1, Kubernetes 1.31): the addresses in cidr and in none of the except blocks. */
public record IpBlock(Cidr cidr, List<Cidr> except) {

    public boolean matches(Ip ip) {
        if (!cidr.contains(ip)) {
            return false;
        }
        for (Cidr e : except) {
            if (e.contains(ip)) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return except.isEmpty() ? "ipBlock " + cidr : "ipBlock " + cidr + " except " + except;
    }
}
