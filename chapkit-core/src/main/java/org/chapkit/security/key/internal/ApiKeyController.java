package org.chapkit.security.key.internal;

import java.net.URI;
import java.util.List;
import org.chapkit.id.Ulids;
import org.chapkit.security.key.ApiKey;
import org.chapkit.security.key.ApiKeyCreated;
import org.chapkit.security.key.ApiKeyManager;
import org.chapkit.security.key.ApiKeyRequest;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

/** {@code /api/v1/keys}: managed API keys (admin only; see docs/security.md). */
@RestController
@RequestMapping(path = "/api/v1/keys", produces = MediaType.APPLICATION_JSON_VALUE)
public class ApiKeyController {

    private final ApiKeyManager keys;

    public ApiKeyController(ApiKeyManager keys) {
        this.keys = keys;
    }

    /** Makes a key: 201 with the key and its secret, shown this once. */
    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    public ResponseEntity<ApiKeyCreated> create(@RequestBody ApiKeyRequest request) {
        ApiKeyCreated created = keys.create(request);
        URI location = ServletUriComponentsBuilder.fromCurrentRequest()
                .path("/{id}")
                .buildAndExpand(created.key().id())
                .toUri();
        return ResponseEntity.created(location).body(created);
    }

    /** Every key, newest first, without secrets. */
    @GetMapping
    public List<ApiKey> list() {
        return keys.list();
    }

    /** One key, without its secret. */
    @GetMapping("/{id}")
    public ApiKey get(@PathVariable String id) {
        return keys.get(Ulids.requireValid(id));
    }

    /** Revokes a key (the record stays, with {@code revoked_at}): 204. */
    @DeleteMapping("/{id}")
    public ResponseEntity<Void> revoke(@PathVariable String id) {
        keys.revoke(Ulids.requireValid(id));
        return ResponseEntity.noContent().build();
    }
}
