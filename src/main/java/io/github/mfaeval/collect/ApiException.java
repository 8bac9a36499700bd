package io.github.mfaeval.collect;

/**
 * A Graph or ARM request that did not succeed: its HTTP status (0 when there was no answer), the endpoint
 * it was for ({@code GET /beta/auditLogs/signIns}, never a query string or a token) and the service's reason.
 */
public class ApiException extends Exception {
    private final int status;
    private final String endpoint;
    private final String code;

    public ApiException(int status, String endpoint, String code, String message) {
        // the service's words may quote the request, token included (a gateway echoing Authorization)
        super(Redaction.redact(endpoint + ": " + (status > 0 ? "HTTP " + status + (code == null ? "" : " " + code) + ": " : "") + message));
        this.status = status;
        this.endpoint = endpoint;
        this.code = code;
    }

    public int status() {
        return status;
    }

    public String endpoint() {
        return endpoint;
    }

    /** The service's error code ({@code Authorization_RequestDenied}, {@code AuthorizationFailed}, …), or null. */
    public String code() {
        return code;
    }

    public boolean forbidden() {
        return status == 403;
    }

    public boolean notFound() {
        return status == 404;
    }
}
