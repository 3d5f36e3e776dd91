package org.chapkit.webhook.internal;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.util.List;
import org.chapkit.event.DeadLetter;
import org.chapkit.event.EventDispatcher;
import org.chapkit.problem.ChapkitException;
import org.chapkit.problem.NotFoundException;
import org.chapkit.problem.ProblemType;
import org.chapkit.webhook.WebhookCreated;
import org.chapkit.webhook.WebhookEndpoint;
import org.chapkit.webhook.WebhookIn;
import org.chapkit.webhook.WebhookManager;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

/** {@code /api/v1/webhooks}: webhook endpoints, their dead letters and replays (admin when security is on). */
@RestController
@RequestMapping("/api/v1/webhooks")
@Tag(name = "Webhooks")
public class WebhookController {

    private final WebhookManager webhooks;

    public WebhookController(WebhookManager webhooks) {
        this.webhooks = webhooks;
    }

    /** Every endpoint. */
    @GetMapping
    @Operation(summary = "List webhook endpoints")
    public List<WebhookEndpoint> list() {
        return webhooks.list();
    }

    /** Creates an endpoint; the answer has its secret, this once. */
    @PostMapping
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Create a webhook endpoint (the answer shows its secret once)")
    public WebhookCreated create(@RequestBody WebhookIn in) {
        return webhooks.create(in);
    }

    /** One endpoint. */
    @GetMapping("/{id}")
    @Operation(summary = "Get a webhook endpoint")
    public WebhookEndpoint get(@PathVariable String id) {
        return webhooks.get(id);
    }

    /** Changes the fields sent. */
    @PutMapping("/{id}")
    @Operation(summary = "Change a webhook endpoint (the fields sent)")
    public WebhookEndpoint update(@PathVariable String id, @RequestBody WebhookIn in) {
        return webhooks.update(id, in);
    }

    /** Deletes an endpoint with its delivery state and dead letters. */
    @DeleteMapping("/{id}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a webhook endpoint")
    public void delete(@PathVariable String id) {
        webhooks.delete(id);
    }

    /** Events this endpoint gave up on. */
    @GetMapping("/{id}/dead-letters")
    @Operation(summary = "List a webhook endpoint's dead letters")
    public List<DeadLetter> deadLetters(@PathVariable String id) {
        return webhooks.deadLetters(id);
    }

    /** POSTs a dead letter again, now. */
    @PostMapping("/{id}/dead-letters/{letter}/$replay")
    @Operation(summary = "Deliver a webhook endpoint's dead letter again")
    public DeadLetter replay(@PathVariable String id, @PathVariable String letter) {
        EventDispatcher.ReplayResult result = webhooks.replay(id, letter);
        return switch (result) {
            case NOT_FOUND -> throw new NotFoundException("Webhook " + id + " has no dead letter " + letter);
            case GONE ->
                throw new ChapkitException(
                        ProblemType.CONFLICT,
                        "Dead letter " + letter + " cannot be replayed: the endpoint is disabled or the log no"
                                + " longer keeps its event");
            case FAILED ->
                throw new ChapkitException(
                        ProblemType.SERVICE_UNAVAILABLE,
                        "The receiver refused dead letter " + letter + " again: "
                                + webhooks.deadLetters(id).stream()
                                        .filter(d -> d.id().equals(letter))
                                        .findFirst()
                                        .map(DeadLetter::error)
                                        .orElse("unknown error"));
            case DELIVERED ->
                webhooks.deadLetters(id).stream()
                        .filter(d -> d.id().equals(letter))
                        .findFirst()
                        .orElseThrow();
        };
    }
}
