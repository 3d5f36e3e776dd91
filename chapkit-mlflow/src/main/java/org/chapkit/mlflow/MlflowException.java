package org.chapkit.mlflow;

/**
 * A call to MLflow that did not succeed: an error answer ({@code {"error_code": …, "message": …}} with a 4xx or 5xx
 * status) or no answer at all (connection refused, timeout). {@link #retryable()} says whether the same call may
 * succeed later.
 */
public final class MlflowException extends RuntimeException {

    /** MLflow's code for a missing experiment, run or model. */
    public static final String RESOURCE_DOES_NOT_EXIST = "RESOURCE_DOES_NOT_EXIST";

    /** MLflow's code for an experiment or registered model that exists already. */
    public static final String RESOURCE_ALREADY_EXISTS = "RESOURCE_ALREADY_EXISTS";

    private final int status;
    private final String errorCode;

    private MlflowException(String message, int status, String errorCode, Throwable cause) {
        super(message, cause);
        this.status = status;
        this.errorCode = errorCode;
    }

    static MlflowException noAnswer(String call, Exception cause) {
        String reason = cause.getMessage() == null ? cause.getClass().getSimpleName() : cause.getMessage();
        return new MlflowException("MLflow did not answer " + call + ": " + reason, 0, null, cause);
    }

    static MlflowException answered(String call, int status, String errorCode, String message) {
        String text = message.length() > 300 ? message.substring(0, 300) + "…" : message;
        return new MlflowException(
                "MLflow answered " + call + " with " + status + (errorCode == null ? "" : " " + errorCode) + ": "
                        + text,
                status,
                errorCode,
                null);
    }

    /**
     * The HTTP status of MLflow's answer.
     *
     * @return the status, or 0 when there was no answer
     */
    public int status() {
        return status;
    }

    /**
     * MLflow's {@code error_code}.
     *
     * @return the code, or null (no answer, or an answer without one)
     */
    public String errorCode() {
        return errorCode;
    }

    /**
     * Whether MLflow answered with {@code code}.
     *
     * @param code an {@code error_code}
     * @return true when it is this error's
     */
    public boolean is(String code) {
        return code.equals(errorCode);
    }

    /**
     * Whether the call may succeed later as it is: no answer, a 5xx, 429 (rate limited), 408, or 401/403 (credentials
     * that an operator fixes). Any other 4xx (an invalid request, say) fails the same way every time.
     *
     * @return true to retry
     */
    public boolean retryable() {
        return status == 0 || status >= 500 || status == 429 || status == 408 || status == 401 || status == 403;
    }
}
