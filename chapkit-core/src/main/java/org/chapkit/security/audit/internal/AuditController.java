package org.chapkit.security.audit.internal;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Locale;
import org.chapkit.crud.PageLimits;
import org.chapkit.crud.PageRequest;
import org.chapkit.crud.PageResponse;
import org.chapkit.problem.FieldError;
import org.chapkit.problem.ValidationFailedException;
import org.chapkit.security.audit.AuditEvent;
import org.chapkit.security.audit.AuditOutcome;
import org.chapkit.security.audit.AuditQuery;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** {@code GET /api/v1/audit}: the audit trail, newest first, paginated, with filters (admin only). */
@RestController
@RequestMapping(path = "/api/v1/audit", produces = MediaType.APPLICATION_JSON_VALUE)
public class AuditController {

    private static final int DEFAULT_SIZE = 50;

    private final AuditStore store;
    private final PageLimits pages;

    public AuditController(AuditStore store) {
        this(store, PageLimits.DEFAULT);
    }

    /**
     * @param store the audit trail
     * @param pages the largest page a client may ask for
     */
    public AuditController(AuditStore store, PageLimits pages) {
        this.store = store;
        this.pages = pages;
    }

    /** One page of events; every filter is optional. */
    @GetMapping
    public PageResponse<AuditEvent> list(
            @RequestParam(required = false) Integer page,
            @RequestParam(required = false) Integer size,
            @RequestParam(required = false) String subject,
            @RequestParam(required = false) String outcome,
            @RequestParam(required = false) String method,
            @RequestParam(name = "path_prefix", required = false) String pathPrefix,
            @RequestParam(required = false) String since,
            @RequestParam(required = false) String until) {
        PageRequest request = pages.of(
                        page == null ? 1 : page, size == null ? Math.min(DEFAULT_SIZE, pages.maxSize()) : size)
                .orElseThrow();
        AuditQuery query = new AuditQuery(
                subject, outcome(outcome), method, pathPrefix, instant("since", since), instant("until", until));
        return store.page(query, request);
    }

    private static AuditOutcome outcome(String value) {
        if (value == null) {
            return null;
        }
        try {
            return AuditOutcome.valueOf(value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException ex) {
            throw invalid("outcome", "must be one of succeeded, denied, failed, got '" + value + "'");
        }
    }

    private static Instant instant(String name, String value) {
        if (value == null) {
            return null;
        }
        try {
            return Instant.parse(value);
        } catch (DateTimeParseException ex) {
            throw invalid(name, "must be an ISO-8601 instant such as 2026-01-31T12:00:00Z, got '" + value + "'");
        }
    }

    private static ValidationFailedException invalid(String field, String message) {
        return ValidationFailedException.invalid("audit query", List.of(new FieldError(field, message)));
    }
}
