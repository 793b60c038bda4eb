package com.companion.gateway.web;

import io.netty.channel.ChannelHandler;
import io.netty.channel.ChannelHandlerContext;
import io.netty.channel.ChannelInboundHandlerAdapter;
import io.netty.handler.codec.DecoderResult;
import io.netty.handler.codec.http.HttpRequest;
import io.netty.handler.codec.http.TooLongHttpLineException;
import java.net.URI;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;

/**
 * Sits in the Netty pipeline right after the HTTP decoder and looks at each request before
 * Reactor Netty and Spring do, for the two refusals they would answer with an empty body: a
 * request line over the limit (Netty's 414) and a target that is not a URI, such as {@code
 * ?cursor=%%%} (Spring's 400, when it cannot build the request's {@code URI}). Such a request is
 * not refused here: its target is replaced by its path, made a valid URI, and it is marked with
 * {@link #REFUSAL_HEADER}, so it goes through the web filters like any other and {@link
 * MalformedRequestFilter} answers the problem (with the request id, the security headers and the
 * path as {@code instance}). A client's own {@link #REFUSAL_HEADER} is removed from every request.
 *
 * <p>A line longer than Netty reads at all ({@code server.netty.max-initial-line-length}) arrives
 * as a failed HTTP/1.0 request without its target; it is marked too, with {@code /} as its target
 * and {@link #TOO_LONG_UNREAD}, and the connection closes after the answer as Netty would have.
 */
@ChannelHandler.Sharable
final class RequestTargetGuard extends ChannelInboundHandlerAdapter {

    static final String NAME = "gateway.requestTargetGuard";

    /** The refusal the guard decided on; never forwarded: the request is answered at the gateway. */
    static final String REFUSAL_HEADER = "X-Gateway-Refusal";

    static final String BAD_TARGET = "bad-target";
    static final String TOO_LONG = "too-long";
    static final String TOO_LONG_UNREAD = "too-long-unread";

    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private final int maxLineLength;

    RequestTargetGuard(int maxLineLength) {
        this.maxLineLength = maxLineLength;
    }

    @Override
    public void channelRead(ChannelHandlerContext ctx, Object msg) {
        if (msg instanceof HttpRequest request) {
            inspect(request);
        }
        ctx.fireChannelRead(msg);
    }

    void inspect(HttpRequest request) {
        request.headers().remove(REFUSAL_HEADER);
        DecoderResult decoded = request.decoderResult();
        if (decoded.isFailure()) {
            if (decoded.cause() instanceof TooLongHttpLineException) {
                request.setDecoderResult(DecoderResult.SUCCESS);
                request.setUri("/");
                request.headers().set(REFUSAL_HEADER, TOO_LONG_UNREAD);
            }
            return;
        }
        String uri = request.uri();
        // As Netty counts it: "GET /path?query HTTP/1.1".
        int line = request.method().name().length()
                + 1
                + uri.length()
                + 1
                + request.protocolVersion().text().length();
        if (line > maxLineLength) {
            refuse(request, TOO_LONG);
        } else if (!isUri(uri)) {
            refuse(request, BAD_TARGET);
        }
    }

    private static void refuse(HttpRequest request, String refusal) {
        request.setUri(safePath(originForm(request.uri())));
        request.headers().set(REFUSAL_HEADER, refusal);
    }

    /** Whether Spring can build the request's URI from this target (the way its Reactor Netty adapter does). */
    static boolean isUri(String target) {
        try {
            new URI("http://gateway" + originForm(target));
            return true;
        } catch (URISyntaxException e) {
            return false;
        }
    }

    /** The target without {@code scheme://authority} when it is in absolute form, as Spring reads it. */
    static String originForm(String target) {
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '/' || c == '?' || c == '#') {
                break;
            }
            if (c == ':' && target.startsWith("//", i + 1)) {
                for (int j = i + 3; j < target.length(); j++) {
                    c = target.charAt(j);
                    if (c == '/' || c == '?' || c == '#') {
                        return target.substring(j);
                    }
                }
                return "";
            }
        }
        return target;
    }

    /**
     * The path of a target (no query, no fragment), with every character a URI path may not hold,
     * and every {@code %} that does not start an escape, percent-encoded; {@code /} when empty.
     */
    static String safePath(String target) {
        int end = target.length();
        for (int i = 0; i < target.length(); i++) {
            char c = target.charAt(i);
            if (c == '?' || c == '#') {
                end = i;
                break;
            }
        }
        StringBuilder path = new StringBuilder(end + 16);
        for (int i = 0; i < end; i++) {
            char c = target.charAt(i);
            if (c == '%' && isHex(target, i + 1, end) && isHex(target, i + 2, end)) {
                path.append(c);
            } else if (isPathChar(c)) {
                path.append(c);
            } else if (c <= 0xFF) {
                escape(path, c);
            } else {
                for (byte b : String.valueOf(c).getBytes(StandardCharsets.UTF_8)) {
                    escape(path, b & 0xFF);
                }
            }
        }
        return path.isEmpty() || path.charAt(0) != '/' ? "/" + path : path.toString();
    }

    private static boolean isHex(String s, int index, int end) {
        return index < end && Character.digit(s.charAt(index), 16) >= 0 && s.charAt(index) < 0x80;
    }

    /** RFC 3986 {@code pchar} (unreserved, sub-delims, {@code :} and {@code @}) and {@code /}. */
    private static boolean isPathChar(char c) {
        return (c >= 'a' && c <= 'z')
                || (c >= 'A' && c <= 'Z')
                || (c >= '0' && c <= '9')
                || "-._~!$&'()*+,;=:@/".indexOf(c) >= 0;
    }

    private static void escape(StringBuilder out, int b) {
        out.append('%').append(HEX[(b >> 4) & 0xF]).append(HEX[b & 0xF]);
    }
}
