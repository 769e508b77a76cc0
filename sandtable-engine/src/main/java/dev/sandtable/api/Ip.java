package dev.sandtable.api;

import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * An IPv4 or IPv6 address as NetworkPolicy ipBlocks compare them (net.ParseIP in Go, as the API server and
 * network plugins parse pod IPs and CIDRs for Kubernetes 1.31). IPv4 sits in the low 32 bits of {@code lo};
 * an IPv4-mapped IPv6 address is taken as IPv4.
 */
public record Ip(int family, long hi, long lo) {

    /** The address, or null when the text is not an IP literal. Never resolves host names. */
    public static Ip parse(String text) {
        if (text == null || text.isEmpty()) {
            return null;
        }
        if (text.indexOf(':') < 0) {
            return parseV4(text);
        }
        for (int i = 0; i < text.length(); i++) {
            char c = text.charAt(i);
            if (!(Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
                return null;
            }
        }
        try {
            byte[] b = InetAddress.getByName(text).getAddress();
            if (b.length == 4) {
                return v4(b);
            }
            long hi = 0, lo = 0;
            for (int i = 0; i < 8; i++) {
                hi = hi << 8 | (b[i] & 0xFF);
                lo = lo << 8 | (b[i + 8] & 0xFF);
            }
            return new Ip(6, hi, lo);
        } catch (UnknownHostException | SecurityException e) {
            return null;
        }
    }

    private static Ip parseV4(String text) {
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        long v = 0;
        for (String p : parts) {
            if (p.isEmpty() || p.length() > 3 || !p.chars().allMatch(Character::isDigit)) {
                return null;
            }
            int octet = Integer.parseInt(p);
            if (octet > 255) {
                return null;
            }
            v = v << 8 | octet;
        }
        return new Ip(4, 0, v);
    }

    private static Ip v4(byte[] b) {
        long v = 0;
        for (byte x : b) {
            v = v << 8 | (x & 0xFF);
        }
        return new Ip(4, 0, v);
    }

    @Override
    public String toString() {
        if (family == 4) {
            return (lo >>> 24 & 0xFF) + "." + (lo >>> 16 & 0xFF) + "." + (lo >>> 8 & 0xFF) + "." + (lo & 0xFF);
        }
        int[] groups = new int[8];
        for (int i = 0; i < 4; i++) {
            groups[i] = (int) (hi >>> (48 - 16 * i)) & 0xFFFF;
            groups[i + 4] = (int) (lo >>> (48 - 16 * i)) & 0xFFFF;
        }
        int bestStart = -1, bestLen = 1;
        for (int i = 0; i < 8; ) {
            int j = i;
            while (j < 8 && groups[j] == 0) {
                j++;
            }
            if (j - i > bestLen) {
                bestStart = i;
                bestLen = j - i;
            }
            i = j == i ? i + 1 : j;
        }
        StringBuilder sb = new StringBuilder();
        for (int i = 0; i < 8; i++) {
            if (i == bestStart) {
                sb.append("::");
                i += bestLen - 1;
                continue;
            }
            if (sb.length() > 0 && sb.charAt(sb.length() - 1) != ':') {
                sb.append(':');
            }
            sb.append(Integer.toHexString(groups[i]));
        }
        return sb.toString();
    }
}
