package com.companion.offlinellm;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.time.ZoneOffset;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.util.Map;
import java.util.function.BooleanSupplier;

/**
 * One request on a connection and the means to answer it: a fixed-length response, a chunked event
 * stream, or no answer at all. Not thread-safe; used by the connection's own thread.
 */
final class HttpExchange {

    private static final byte[] CRLF = {'\r', '\n'};

    private final HttpRequest request;
    private final Socket socket;
    private final InputStream in;
    private final OutputStream out;
    private final BooleanSupplier serverClosed;
    private boolean keepAlive;
    private boolean responded;

    HttpExchange(HttpRequest request, Socket socket, InputStream in, OutputStream out, BooleanSupplier serverClosed) {
        this.request = request;
        this.socket = socket;
        this.in = in;
        this.out = out;
        this.serverClosed = serverClosed;
        this.keepAlive = request.wantsKeepAlive();
    }

    HttpRequest request() {
        return request;
    }

    /** Whether the connection may carry another request after this exchange. */
    boolean reusable() {
        return responded && keepAlive;
    }

    void respond(int status, String contentType, Map<String, String> headers, byte[] body) throws IOException {
        writeHead(status, contentType, headers, body.length, false);
        out.write(body);
        out.flush();
        responded = true;
    }

    /**
     * Announces the whole body but sends only its first {@code bytesToSend} bytes, then cuts the
     * connection: the client sees a premature end of the body.
     */
    void respondTruncated(int status, String contentType, byte[] body, int bytesToSend) throws IOException {
        writeHead(status, contentType, Map.of(), body.length, false);
        out.write(body, 0, Math.clamp(bytesToSend, 0, body.length));
        abort();
    }

    EventStream startEventStream(Map<String, String> headers) throws IOException {
        boolean chunked = !"HTTP/1.0".equals(request.version());
        if (!chunked) {
            keepAlive = false;
        }
        writeHead(200, "text/event-stream", headers, -1, chunked);
        out.flush();
        return new EventStream(chunked);
    }

    /** Accepts the request and never answers, until the client goes away or the server closes. */
    void hangUntilClosed() throws IOException {
        keepAlive = false;
        socket.setSoTimeout(500);
        byte[] sink = new byte[1024];
        while (!serverClosed.getAsBoolean() && !Thread.currentThread().isInterrupted()) {
            try {
                if (in.read(sink) < 0) {
                    return;
                }
            } catch (SocketTimeoutException stillThere) {
                // keep waiting
            }
        }
    }

    /** Cuts the connection without completing the response. */
    void abort() throws IOException {
        keepAlive = false;
        responded = true;
        try {
            out.flush();
            socket.shutdownOutput();
        } finally {
            socket.close();
        }
    }

    private void writeHead(int status, String contentType, Map<String, String> headers, long length, boolean chunked)
            throws IOException {
        if (responded) {
            throw new IllegalStateException("already answered");
        }
        StringBuilder head = new StringBuilder(256)
                .append("HTTP/1.1 ")
                .append(status)
                .append(' ')
                .append(reason(status))
                .append("\r\n");
        head.append("date: ")
                .append(DateTimeFormatter.RFC_1123_DATE_TIME.format(ZonedDateTime.now(ZoneOffset.UTC)))
                .append("\r\n");
        head.append("server: offline-llm\r\n");
        head.append("content-type: ").append(contentType).append("\r\n");
        headers.forEach(
                (name, value) -> head.append(name).append(": ").append(value).append("\r\n"));
        if (chunked) {
            head.append("transfer-encoding: chunked\r\n");
        } else if (length >= 0) {
            head.append("content-length: ").append(length).append("\r\n");
        }
        head.append(keepAlive ? "connection: keep-alive\r\n" : "connection: close\r\n");
        head.append("\r\n");
        out.write(head.toString().getBytes(StandardCharsets.ISO_8859_1));
    }

    static String reason(int status) {
        return switch (status) {
            case 100 -> "Continue";
            case 200 -> "OK";
            case 400 -> "Bad Request";
            case 401 -> "Unauthorized";
            case 402 -> "Payment Required";
            case 403 -> "Forbidden";
            case 404 -> "Not Found";
            case 405 -> "Method Not Allowed";
            case 408 -> "Request Timeout";
            case 413 -> "Payload Too Large";
            case 422 -> "Unprocessable Entity";
            case 429 -> "Too Many Requests";
            case 431 -> "Request Header Fields Too Large";
            case 500 -> "Internal Server Error";
            case 502 -> "Bad Gateway";
            case 503 -> "Service Unavailable";
            case 504 -> "Gateway Timeout";
            default -> status < 400 ? "OK" : status < 500 ? "Client Error" : "Server Error";
        };
    }

    /** A server-sent-event body: each event is written and flushed on its own. */
    final class EventStream {

        private final boolean chunked;

        private EventStream(boolean chunked) {
            this.chunked = chunked;
        }

        void sendData(String data) throws IOException {
            sendRaw("data: " + data + "\n\n");
        }

        /** Writes text as it is: comments, named events, multi-line data. */
        void sendRaw(String text) throws IOException {
            byte[] event = text.getBytes(StandardCharsets.UTF_8);
            if (chunked) {
                out.write(Integer.toHexString(event.length).getBytes(StandardCharsets.ISO_8859_1));
                out.write(CRLF);
                out.write(event);
                out.write(CRLF);
            } else {
                out.write(event);
            }
            out.flush();
        }

        void finish() throws IOException {
            if (chunked) {
                out.write(new byte[] {'0', '\r', '\n', '\r', '\n'});
            }
            out.flush();
            responded = true;
        }

        void abort() throws IOException {
            HttpExchange.this.abort();
        }

        /** The client went away mid-stream: nothing more can be written, the connection is not reused. */
        void abandon() {
            keepAlive = false;
            responded = true;
        }
    }
}
