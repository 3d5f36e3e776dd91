package org.chapkit.security.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.chapkit.web.ResponseHeaders;
import org.springframework.security.web.header.HeaderWriter;
import org.springframework.security.web.header.writers.CacheControlHeadersWriter;
import org.springframework.security.web.header.writers.HstsHeaderWriter;
import org.springframework.security.web.header.writers.XContentTypeOptionsHeaderWriter;
import org.springframework.security.web.header.writers.XXssProtectionHeaderWriter;
import org.springframework.security.web.header.writers.frameoptions.XFrameOptionsHeaderWriter;

/**
 * Spring Security's default headers, as {@link ChapkitHttpSecurity} configures them ({@code X-Content-Type-Options},
 * {@code X-XSS-Protection}, {@code Cache-Control}, HSTS on HTTPS, {@code X-Frame-Options} as configured), for
 * responses that never pass its header filter.
 */
public final class SecurityHeaders implements ResponseHeaders {

    private final List<HeaderWriter> writers;

    /** @param frameOptions {@code DENY}, {@code SAMEORIGIN} or {@code NONE}, as for every other response */
    public SecurityHeaders(String frameOptions) {
        List<HeaderWriter> list = new ArrayList<>(List.of(
                new XContentTypeOptionsHeaderWriter(),
                new XXssProtectionHeaderWriter(),
                new CacheControlHeadersWriter(),
                new HstsHeaderWriter()));
        switch (frameOptions.toUpperCase(Locale.ROOT)) {
            case "NONE" -> {}
            case "SAMEORIGIN" ->
                list.add(new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.SAMEORIGIN));
            default -> list.add(new XFrameOptionsHeaderWriter(XFrameOptionsHeaderWriter.XFrameOptionsMode.DENY));
        }
        this.writers = List.copyOf(list);
    }

    @Override
    public void write(HttpServletRequest request, HttpServletResponse response) {
        writers.forEach(writer -> writer.writeHeaders(request, response));
    }
}
