package org.chapkit.webhook;

/** A webhook receiver answered with a status other than 2xx; the delivery is retried. */
public final class WebhookRejectedException extends Exception {

    private static final long serialVersionUID = 1L;

    private final int status;

    /**
     * @param url the endpoint
     * @param status the HTTP status it answered
     */
    public WebhookRejectedException(String url, int status) {
        super("HTTP " + status + " from " + url, null, false, false);
        this.status = status;
    }

    /** The HTTP status the receiver answered. */
    public int status() {
        return status;
    }
}
