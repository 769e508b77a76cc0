package dev.sandtable.network;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** A port as a user writes it: a number or a port name, optionally followed by /tcp, /udp or /sctp in any case. */
public record PortSpec(String text, Integer number, String name, Protocol protocol) {
    private static final Pattern FORM = Pattern.compile("([A-Za-z0-9-]+)(?:/([A-Za-z]+))?");

    /** The port written as text, or null when it is not of that form (an unknown protocol included); see {@link #inRange()}. */
    public static PortSpec parse(String text) {
        Matcher m = FORM.matcher(text == null ? "" : text);
        if (!m.matches()) {
            return null;
        }
        Protocol protocol = m.group(2) == null ? null : Protocol.ofUser(m.group(2));
        if (m.group(2) != null && protocol == null) {
            return null;
        }
        String value = m.group(1);
        if (value.chars().allMatch(Character::isDigit)) {
            return new PortSpec(value, value.length() > 5 ? 0 : Integer.parseInt(value), null, protocol);
        }
        return new PortSpec(value, null, value, protocol);
    }

    /** False for a number outside 1 to 65535; names are always in range. */
    public boolean inRange() {
        return number == null || (number >= PortSet.MIN_PORT && number <= PortSet.MAX_PORT);
    }

    /** The protocol written, or the API default TCP. */
    public Protocol protocolOrTcp() {
        return protocol == null ? Protocol.TCP : protocol;
    }

    @Override
    public String toString() {
        return protocolOrTcp() + " " + (number != null ? number.toString() : name);
    }
}
