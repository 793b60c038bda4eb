package com.companion.auth.audit;

import jakarta.servlet.http.HttpServletRequest;
import java.util.Arrays;
import java.util.List;
import org.springframework.core.MethodParameter;
import org.springframework.http.HttpHeaders;
import org.springframework.stereotype.Component;
import org.springframework.web.bind.support.WebDataBinderFactory;
import org.springframework.web.context.request.NativeWebRequest;
import org.springframework.web.method.support.HandlerMethodArgumentResolver;
import org.springframework.web.method.support.ModelAndViewContainer;
import org.springframework.web.servlet.config.annotation.WebMvcConfigurer;

/**
 * Resolves {@link ClientInfo} controller parameters. Each trusted proxy appends the address it
 * saw to {@code X-Forwarded-For}, so with N trusted hops the client is the N-th entry from the
 * right; entries further left were written by the client and are ignored.
 */
@Component
class ClientInfoResolver implements HandlerMethodArgumentResolver, WebMvcConfigurer {

    private final int trustedProxyHops;

    ClientInfoResolver(ClientProperties properties) {
        this.trustedProxyHops = properties.trustedProxyHops();
    }

    @Override
    public void addArgumentResolvers(List<HandlerMethodArgumentResolver> resolvers) {
        resolvers.add(this);
    }

    @Override
    public boolean supportsParameter(MethodParameter parameter) {
        return parameter.getParameterType().equals(ClientInfo.class);
    }

    @Override
    public Object resolveArgument(
            MethodParameter parameter,
            ModelAndViewContainer mavContainer,
            NativeWebRequest webRequest,
            WebDataBinderFactory binderFactory) {
        HttpServletRequest request = webRequest.getNativeRequest(HttpServletRequest.class);
        return request == null ? ClientInfo.SYSTEM : of(request);
    }

    ClientInfo of(HttpServletRequest request) {
        return new ClientInfo(
                clientAddress(request.getHeader("X-Forwarded-For"), request.getRemoteAddr(), trustedProxyHops),
                request.getHeader(HttpHeaders.USER_AGENT));
    }

    static String clientAddress(String forwardedFor, String remoteAddr, int trustedProxyHops) {
        if (trustedProxyHops == 0 || forwardedFor == null || forwardedFor.isBlank()) {
            return remoteAddr;
        }
        List<String> hops = Arrays.stream(forwardedFor.split(","))
                .map(String::strip)
                .filter(hop -> !hop.isEmpty())
                .toList();
        if (hops.isEmpty()) {
            return remoteAddr;
        }
        String address = hops.get(Math.max(0, hops.size() - trustedProxyHops));
        return address.length() > 64 ? address.substring(0, 64) : address;
    }
}
