package com.companion.offlinellm;

import java.io.BufferedInputStream;
import java.io.BufferedOutputStream;
import java.io.ByteArrayOutputStream;
import java.io.EOFException;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * A small HTTP/1.1 server on a plain {@link ServerSocket}: one virtual thread per connection,
 * keep-alive, chunked responses. Owning the socket lets a response be cut off mid-body, which
 * {@code com.sun.net.httpserver} cannot do.
 */
final class MiniHttpServer implements AutoCloseable {

    @FunctionalInterface
    interface Handler {
        void handle(HttpExchange exchange) throws IOException, InterruptedException;
    }

    private static final int MAX_LINE = 16 * 1024;
    private static final int MAX_HEADERS = 200;
    private static final int MAX_BODY = 8 * 1024 * 1024;
    private static final int IDLE_TIMEOUT_MS = 120_000;

    private final ServerSocket serverSocket;
    private final Handler handler;
    private final Set<Socket> connections = ConcurrentHashMap.newKeySet();
    private final Set<Thread> workers = ConcurrentHashMap.newKeySet();
    private final AtomicLong connectionIds = new AtomicLong();
    private final Thread acceptor;
    private volatile boolean closed;

    private MiniHttpServer(ServerSocket serverSocket, Handler handler) {
        this.serverSocket = serverSocket;
        this.handler = handler;
        this.acceptor = Thread.ofPlatform()
                .name("offline-llm-acceptor-" + serverSocket.getLocalPort())
                .daemon(true)
                .unstarted(this::acceptLoop);
    }

    static MiniHttpServer start(InetAddress address, int port, Handler handler) throws IOException {
        ServerSocket socket = new ServerSocket();
        try {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress(address, port), 1024);
        } catch (IOException e) {
            socket.close();
            throw e;
        }
        MiniHttpServer server = new MiniHttpServer(socket, handler);
        server.acceptor.start();
        return server;
    }

    int port() {
        return serverSocket.getLocalPort();
    }

    boolean isClosed() {
        return closed;
    }

    private void acceptLoop() {
        while (!closed) {
            Socket socket;
            try {
                socket = serverSocket.accept();
            } catch (IOException e) {
                if (closed) {
                    return;
                }
                continue;
            }
            connections.add(socket);
            Thread.ofVirtual()
                    .name("offline-llm-conn-" + connectionIds.incrementAndGet())
                    .start(() -> serve(socket));
        }
    }

    private void serve(Socket socket) {
        Thread self = Thread.currentThread();
        workers.add(self);
        try (socket) {
            if (closed) {
                return;
            }
            socket.setTcpNoDelay(true);
            InputStream in = new BufferedInputStream(socket.getInputStream(), 4096);
            OutputStream out = new BufferedOutputStream(socket.getOutputStream(), 4096);
            while (!closed) {
                socket.setSoTimeout(IDLE_TIMEOUT_MS);
                HttpRequest request;
                try {
                    request = readRequest(in, out);
                } catch (MalformedRequestException e) {
                    rejectMalformed(out, e);
                    return;
                } catch (SocketTimeoutException | EOFException idleOrGone) {
                    return;
                }
                if (request == null) {
                    return;
                }
                socket.setSoTimeout(0);
                HttpExchange exchange = new HttpExchange(request, socket, in, out, this::isClosed);
                handler.handle(exchange);
                if (!exchange.reusable() || socket.isClosed()) {
                    return;
                }
            }
        } catch (IOException | RuntimeException clientGoneOrBroken) {
            // the connection ends here; nothing else depends on it
        } catch (InterruptedException serverClosing) {
            Thread.currentThread().interrupt();
        } finally {
            connections.remove(socket);
            workers.remove(self);
        }
    }

    private static void rejectMalformed(OutputStream out, MalformedRequestException e) throws IOException {
        byte[] body = ("{\"error\":{\"message\":" + Json.quote(e.getMessage())
                        + ",\"type\":\"invalid_request_error\",\"param\":null,\"code\":\"invalid_request_error\"}}")
                .getBytes(StandardCharsets.UTF_8);
        String head = "HTTP/1.1 " + e.status() + " " + HttpExchange.reason(e.status())
                + "\r\ncontent-type: application/json\r\ncontent-length: " + body.length
                + "\r\nconnection: close\r\n\r\n";
        out.write(head.getBytes(StandardCharsets.ISO_8859_1));
        out.write(body);
        out.flush();
    }

    /** Reads one request; null when the peer closed the connection between requests. */
    private static HttpRequest readRequest(InputStream in, OutputStream out) throws IOException {
        String requestLine;
        do {
            requestLine = readLine(in);
            if (requestLine == null) {
                return null;
            }
        } while (requestLine.isEmpty());

        String[] parts = requestLine.split(" ");
        if (parts.length != 3 || !parts[2].startsWith("HTTP/1.")) {
            throw new MalformedRequestException(400, "Malformed request line");
        }
        String method = parts[0];
        String target = parts[1];
        String version = parts[2];

        Map<String, String> headers = new HashMap<>();
        for (int count = 0; ; count++) {
            String line = readLine(in);
            if (line == null) {
                throw new EOFException("connection closed inside the request head");
            }
            if (line.isEmpty()) {
                break;
            }
            if (count >= MAX_HEADERS) {
                throw new MalformedRequestException(431, "Too many headers");
            }
            int colon = line.indexOf(':');
            if (colon <= 0) {
                throw new MalformedRequestException(400, "Malformed header line");
            }
            String name = line.substring(0, colon).trim().toLowerCase(Locale.ROOT);
            String value = line.substring(colon + 1).trim();
            headers.merge(name, value, (first, second) -> first + ", " + second);
        }

        if ("100-continue".equalsIgnoreCase(headers.get("expect"))) {
            out.write("HTTP/1.1 100 Continue\r\n\r\n".getBytes(StandardCharsets.ISO_8859_1));
            out.flush();
        }

        byte[] body;
        String transferEncoding = headers.get("transfer-encoding");
        if (transferEncoding != null
                && transferEncoding.toLowerCase(Locale.ROOT).contains("chunked")) {
            body = readChunkedBody(in);
        } else if (headers.containsKey("content-length")) {
            long length;
            try {
                length = Long.parseLong(headers.get("content-length"));
            } catch (NumberFormatException e) {
                throw new MalformedRequestException(400, "Malformed content-length");
            }
            if (length < 0) {
                throw new MalformedRequestException(400, "Malformed content-length");
            }
            if (length > MAX_BODY) {
                throw new MalformedRequestException(413, "Request body too large");
            }
            body = in.readNBytes((int) length);
            if (body.length != length) {
                throw new EOFException("connection closed inside the request body");
            }
        } else {
            body = new byte[0];
        }

        int question = target.indexOf('?');
        String path = question < 0 ? target : target.substring(0, question);
        String query = question < 0 ? "" : target.substring(question + 1);
        return new HttpRequest(method, path, query, version, Map.copyOf(headers), body);
    }

    private static byte[] readChunkedBody(InputStream in) throws IOException {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        while (true) {
            String sizeLine = readLine(in);
            if (sizeLine == null) {
                throw new EOFException("connection closed inside a chunked body");
            }
            int semicolon = sizeLine.indexOf(';');
            String hex = (semicolon < 0 ? sizeLine : sizeLine.substring(0, semicolon)).trim();
            int size;
            try {
                size = Integer.parseInt(hex, 16);
            } catch (NumberFormatException e) {
                throw new MalformedRequestException(400, "Malformed chunk size");
            }
            if (size < 0 || body.size() + (long) size > MAX_BODY) {
                throw new MalformedRequestException(413, "Request body too large");
            }
            if (size == 0) {
                String trailer;
                do {
                    trailer = readLine(in);
                } while (trailer != null && !trailer.isEmpty());
                return body.toByteArray();
            }
            byte[] chunk = in.readNBytes(size);
            if (chunk.length != size) {
                throw new EOFException("connection closed inside a chunk");
            }
            body.write(chunk);
            readLine(in);
        }
    }

    /** A line without its CR LF, decoded as ISO-8859-1; null at end of stream before any byte. */
    private static String readLine(InputStream in) throws IOException {
        StringBuilder line = new StringBuilder(64);
        while (true) {
            int b = in.read();
            if (b < 0) {
                if (line.isEmpty()) {
                    return null;
                }
                throw new EOFException("connection closed inside a line");
            }
            if (b == '\n') {
                int end = line.length();
                if (end > 0 && line.charAt(end - 1) == '\r') {
                    line.setLength(end - 1);
                }
                return line.toString();
            }
            if (line.length() >= MAX_LINE) {
                throw new MalformedRequestException(431, "Request line or header too long");
            }
            line.append((char) b);
        }
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        try {
            serverSocket.close();
        } catch (IOException ignored) {
            // closing anyway
        }
        for (Socket socket : connections) {
            try {
                socket.close();
            } catch (IOException ignored) {
                // closing anyway
            }
        }
        workers.forEach(Thread::interrupt);
        try {
            acceptor.join(1_000);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
