package org.chapkit.security.web;

import org.springframework.security.authentication.BadCredentialsException;

/** A presented API key matches no active key (servicekit's {@code Invalid API key}). */
public class InvalidApiKeyException extends BadCredentialsException {

    public InvalidApiKeyException() {
        super("Invalid API key");
    }
}
