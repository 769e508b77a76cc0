package dev.sandtable.api.validation;

import java.math.BigInteger;
import java.net.InetAddress;
import java.net.UnknownHostException;

/**
 * A CIDR as k8s.io/utils/net ParseCIDRSloppy (v1.31 validation) reads it: an IPv4 or IPv6 address, '/', a prefix
 * length; IPv4 parts may have leading zeros. Kept here rather than reusing the network engine's parser, which the
 * api package must not depend on.
 */
record CidrBlock(int bits, int prefix, BigInteger network) {

    /** The block, or null when the text is not a CIDR. */
    static CidrBlock parse(String text) {
        int slash = text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1 || text.length() - slash > 4) {
            return null;
        }
        String p = text.substring(slash + 1);
        if (!p.chars().allMatch(Character::isDigit)) {
            return null;
        }
        byte[] address = address(text.substring(0, slash));
        int prefix = Integer.parseInt(p);
        if (address == null || prefix > address.length * 8) {
            return null;
        }
        int bits = address.length * 8;
        BigInteger value = new BigInteger(1, address);
        BigInteger mask = BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE).shiftRight(prefix).not();
        return new CidrBlock(bits, prefix, value.and(mask).and(BigInteger.ONE.shiftLeft(bits).subtract(BigInteger.ONE)));
    }

    /** True when other lies inside this block and is smaller (upstream's "strict subset of `cidr`"). */
    boolean strictlyContains(CidrBlock other) {
        if (other.bits != bits || other.prefix <= prefix) {
            return false;
        }
        int shift = bits - prefix;
        return other.network.shiftRight(shift).equals(network.shiftRight(shift));
    }

    private static byte[] address(String text) {
        if (text.contains(":")) {
            // An IPv6 literal never triggers a name lookup.
            if (!text.chars().allMatch(c -> Character.digit(c, 16) >= 0 || c == ':' || c == '.')) {
                return null;
            }
            try {
                byte[] b = InetAddress.getByName(text).getAddress();
                return b.length == 16 ? b : null;
            } catch (UnknownHostException e) {
                return null;
            }
        }
        String[] parts = text.split("\\.", -1);
        if (parts.length != 4) {
            return null;
        }
        byte[] b = new byte[4];
        for (int i = 0; i < 4; i++) {
            if (parts[i].isEmpty() || parts[i].length() > 3 || !parts[i].chars().allMatch(Character::isDigit)) {
                return null;
            }
            int v = Integer.parseInt(parts[i]);
            if (v > 255) {
                return null;
            }
            b[i] = (byte) v;
        }
        return b;
    }
}
