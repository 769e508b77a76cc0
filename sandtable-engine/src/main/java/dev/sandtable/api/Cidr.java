package dev.sandtable.api;

/**
 * A CIDR block as an ipBlock's cidr or except names it (net.ParseCIDR semantics, Kubernetes 1.31): the
 * address is masked to the prefix, so host bits written after the network part are ignored as upstream does.
 */
public record Cidr(int family, int prefix, long hi, long lo, String text) {

    /** The block, or null when the text is not address/prefix for a valid prefix length. */
    public static Cidr parse(String text) {
        if (text == null) {
            return null;
        }
        int slash = text.indexOf('/');
        if (slash <= 0 || slash == text.length() - 1) {
            return null;
        }
        Ip ip = Ip.parse(text.substring(0, slash));
        String bits = text.substring(slash + 1);
        if (ip == null || bits.length() > 3 || !bits.chars().allMatch(Character::isDigit)) {
            return null;
        }
        int prefix = Integer.parseInt(bits);
        if (prefix > (ip.family() == 4 ? 32 : 128)) {
            return null;
        }
        return new Cidr(ip.family(), prefix, ip.hi() & hiMask(ip.family(), prefix), ip.lo() & loMask(ip.family(), prefix), text);
    }

    public boolean contains(Ip ip) {
        return ip != null && ip.family() == family
                && (ip.hi() & hiMask(family, prefix)) == hi && (ip.lo() & loMask(family, prefix)) == lo;
    }

    /** True when other lies inside this block and is smaller (upstream's "strict subset of `cidr`" for except). */
    public boolean strictlyContains(Cidr other) {
        return other.family == family && other.prefix > prefix && contains(new Ip(other.family, other.hi, other.lo));
    }

    private static long hiMask(int family, int prefix) {
        if (family == 4 || prefix == 0) {
            return 0;
        }
        return prefix >= 64 ? -1L : -1L << (64 - prefix);
    }

    private static long loMask(int family, int prefix) {
        if (family == 4) {
            return prefix == 0 ? 0 : (-1L << (32 - prefix)) & 0xFFFF_FFFFL;
        }
        if (prefix <= 64) {
            return 0;
        }
        return prefix == 128 ? -1L : -1L << (128 - prefix);
    }

    @Override
    public String toString() {
        return text;
    }
}
