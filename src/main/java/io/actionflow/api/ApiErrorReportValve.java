package io.actionflow.api;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import org.apache.catalina.connector.Request;
import org.apache.catalina.connector.Response;
import org.apache.catalina.valves.ErrorReportValve;

/**
 * Calls the server refuses before the application sees them (a null byte in the address, a header too large): under
 * {@code /api} the refusal is JSON like every other, in English since no language was read yet. Elsewhere Tomcat's
 * own report, without details.
 */
public class ApiErrorReportValve extends ErrorReportValve {

    public ApiErrorReportValve() {
        setShowReport(false);
        setShowServerInfo(false);
    }

    @Override
    protected void report(Request request, Response response, Throwable throwable) {
        String uri = request.getDecodedRequestURI() == null ? request.getRequestURI() : request.getDecodedRequestURI();
        int status = response.getStatus();
        // a request line too long or broken to read has no address: it is answered as an API call would be
        boolean api = uri == null || uri.isEmpty() || uri.startsWith("/api/");
        if (status < 400 || response.isCommitted() || !api || response.getContentWritten() > 0) {
            super.report(request, response, throwable);
            return;
        }
        try {
            response.resetBuffer();
            response.setContentType("application/json");
            response.setCharacterEncoding("UTF-8");
            String message = status >= 500 ? "Something went wrong on our side; nothing was saved."
                    : "This call is not understood.";
            byte[] body = ("{\"errors\":[{\"message\":\"" + message + "\"}]}").getBytes(StandardCharsets.UTF_8);
            response.setContentLength(body.length);
            response.getOutputStream().write(body);
            response.finishResponse();
        } catch (IOException | IllegalStateException e) {
            // the connection is gone: nothing more to say
        }
    }
}
