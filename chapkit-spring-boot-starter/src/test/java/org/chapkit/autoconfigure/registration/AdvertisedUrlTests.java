package org.chapkit.autoconfigure.registration;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.URI;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.springframework.boot.test.system.CapturedOutput;
import org.springframework.boot.test.system.OutputCaptureExtension;

@ExtendWith(OutputCaptureExtension.class)
class AdvertisedUrlTests {

    @Test
    void configuredUrlIsUsedAsGiven() throws Exception {
        URI configured = URI.create("http://models.internal:8000");
        assertThat(AdvertisedUrl.resolve(configured, InetAddress.getByName("10.0.0.5"), false, 9999))
                .isEqualTo(configured);
    }

    @Test
    void listenAddressAndPortWhenNothingIsConfigured() throws Exception {
        assertThat(AdvertisedUrl.resolve(null, InetAddress.getByName("10.0.0.5"), false, 8123))
                .hasToString("http://10.0.0.5:8123");
        assertThat(AdvertisedUrl.resolve(null, InetAddress.getByName("10.0.0.5"), true, 8443))
                .hasToString("https://10.0.0.5:8443");
        assertThat(AdvertisedUrl.resolve(null, InetAddress.getByName("fd00::5"), false, 8000))
                .hasToString("http://[fd00:0:0:0:0:0:0:5]:8000");
    }

    @Test
    void wildcardOrNoAddressAdvertisesTheHostName() throws Exception {
        String host = InetAddress.getLocalHost().getHostName();
        assertThat(AdvertisedUrl.resolve(null, null, false, 8000)).hasToString("http://" + host + ":8000");
        assertThat(AdvertisedUrl.resolve(null, InetAddress.getByName("0.0.0.0"), false, 8000))
                .hasToString("http://" + host + ":8000");
    }

    @Test
    void loopbackGetsAWarningNamingTheProperty(CapturedOutput output) throws Exception {
        assertThat(AdvertisedUrl.resolve(null, InetAddress.getByName("127.0.0.1"), false, 8000))
                .hasToString("http://127.0.0.1:8000");
        assertThat(output.getOut())
                .contains("loopback URL http://127.0.0.1:8000", "chapkit.registration.advertised-url");
        assertThat(AdvertisedUrl.isLoopback("localhost")).isTrue();
        assertThat(AdvertisedUrl.isLoopback("[::1]")).isTrue();
        assertThat(AdvertisedUrl.isLoopback("192.0.2.10")).isFalse();
    }
}
