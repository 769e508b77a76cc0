package dev.sandtable.network;

import static org.assertj.core.api.Assertions.assertThat;

import dev.sandtable.api.Cidr;
import dev.sandtable.api.Ip;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** ipBlock matching for IPv4 and IPv6: cidr minus except, host bits ignored, families never mixed. */
class IpBlockTest {

    @ParameterizedTest(name = "{0} in {1} except {2}: {3}")
    @CsvSource(delimiter = ';', value = {
            "172.17.0.9; 172.17.0.0/16; 172.17.1.0/24; true",
            "172.17.1.9; 172.17.0.0/16; 172.17.1.0/24; false",
            "172.17.2.9; 172.17.0.0/16; 172.17.1.0/24; true",
            "172.18.0.1; 172.17.0.0/16; 172.17.1.0/24; false",
            "203.0.113.10; 0.0.0.0/0; 10.0.0.0/8; true",
            "10.244.3.7; 0.0.0.0/0; 10.0.0.0/8; false",
            "10.244.3.7; 10.244.3.7/4; 10.244.0.9/32; true",
            "10.244.0.9; 10.244.3.7/4; 10.244.0.9/32; false",
            "fd00:10:244:1::b; fd00:10:244::/48; fd00:10:244:2::/64; true",
            "fd00:10:244:2::b; fd00:10:244::/48; fd00:10:244:2::/64; false",
            "2001:db8::1; ::/0; fd00::/8; true",
            "10.0.0.1; ::/0; fd00::/8; false",
            "fd00::1; 0.0.0.0/0; 10.0.0.0/8; false",
            "::ffff:10.1.2.3; 10.0.0.0/8; 10.2.0.0/16; true",
    })
    void matches(String ip, String cidr, String except, boolean expected) {
        IpBlock block = new IpBlock(Cidr.parse(cidr), List.of(Cidr.parse(except)));
        assertThat(block.matches(Ip.parse(ip))).isEqualTo(expected);
    }

    @ParameterizedTest
    @CsvSource({"10.244.300.5", "10.244.1", "1.2.3.4.5", "example.com", "fd00::g", "''", "01234.1.1.1"})
    void textThatIsNoAddressParsesToNull(String text) {
        assertThat(Ip.parse(text)).isNull();
    }

    @ParameterizedTest
    @CsvSource({"10.0.0.0/33", "10.0.0.0", "10.0.0.0/", "fd00::/129", "/8", "10.0.0.0/x"})
    void invalidBlocksParseToNull(String text) {
        assertThat(Cidr.parse(text)).isNull();
    }

    @Test
    void addressesPrintInTheirCanonicalForm() {
        assertThat(Ip.parse("203.0.113.10")).hasToString("203.0.113.10");
        assertThat(Ip.parse("fd00:10:244:0:0:0:0:a")).hasToString("fd00:10:244::a");
        assertThat(Ip.parse("::1")).hasToString("::1");
        assertThat(Ip.parse("2001:db8:0:1:0:0:0:1")).hasToString("2001:db8:0:1::1");
    }
}
