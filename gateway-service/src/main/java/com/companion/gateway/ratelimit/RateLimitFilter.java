package com.companion.gateway.ratelimit;

import com.companion.gateway.web.ClientAddressFilter;
import com.companion.gateway.web.GatewayProblem;
import com.companion.gateway.web.Problems;
import io.netty.util.NetUtil;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.security.Principal;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.server.PathContainer;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import org.springframework.web.util.pattern.PathPattern;
import org.springframework.web.util.pattern.PathPatternParser;
import reactor.core.publisher.Mono;

/**
 * Counts each request against its budget after the edge has verified the token, so per-user
 * budgets are keyed by the token's {@code sub}, never by anything the client merely claims.
 * Every limited response carries {@code RateLimit-Limit}, {@code RateLimit-Remaining}, {@code
 * RateLimit-Reset} (seconds) and {@code RateLimit-Policy} (IETF httpapi draft); an exhausted
 * budget answers 429 with {@code Retry-After}.
 */
class RateLimitFilter implements WebFilter, Ordered {

    /** After the edge security chain (order -100), which puts the verified principal in place. */
    static final int ORDER = 0;

    private final RateLimiter limiter;
    private final List<Rule> rules;
    private final Policy userDefault;
    private final Policy ipDefault;
    private final List<PathPattern> exempt;

    RateLimitFilter(RateLimiter limiter, RateLimitProperties properties) {
        this.limiter = limiter;
        this.rules = new ArrayList<>();
        properties.rules().forEach((name, rule) -> rules.add(Rule.of(name, rule)));
        this.userDefault = Policy.of(
                "user",
                properties.userDefault().limit(),
                properties.userDefault().window());
        this.ipDefault = Policy.of(
                "ip", properties.ipDefault().limit(), properties.ipDefault().window());
        this.exempt = properties.exempt().stream().map(RateLimitFilter::pattern).toList();
    }

    @Override
    public int getOrder() {
        return ORDER;
    }

    @Override
    public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
        ServerHttpRequest request = exchange.getRequest();
        PathContainer path = request.getPath().pathWithinApplication();
        if (exempt.stream().anyMatch(p -> p.matches(path))) {
            return chain.filter(exchange);
        }
        Optional<Rule> rule = rules.stream()
                .filter(r -> r.matches(request.getMethod().name(), path))
                .findFirst();
        return exchange.getPrincipal()
                .map(RateLimitFilter::userId)
                .map(Optional::of)
                .defaultIfEmpty(Optional.empty())
                .flatMap(user -> {
                    String ip = "ip:" + addressKey(ClientAddressFilter.clientAddress(exchange));
                    if (rule.isPresent()) {
                        Rule r = rule.get();
                        String key = r.perUser() && user.isPresent() ? "user:" + user.get() : ip;
                        return limiter.consume(r.policy(), key);
                    }
                    return user.isPresent()
                            ? limiter.consume(userDefault, "user:" + user.get())
                            : limiter.consume(ipDefault, ip);
                })
                .flatMap(decision -> {
                    HttpHeaders headers = exchange.getResponse().getHeaders();
                    if (decision.known()) {
                        addRateLimitHeaders(headers, decision);
                    }
                    if (decision.allowed()) {
                        return chain.filter(exchange);
                    }
                    return Problems.write(exchange, exhausted(decision));
                });
    }

    private static GatewayProblem exhausted(Decision decision) {
        return new GatewayProblem(
                HttpStatus.TOO_MANY_REQUESTS,
                "rate-limited",
                "Too many requests. Try again in " + decision.retryAfterSeconds() + " seconds.",
                headers -> {
                    addRateLimitHeaders(headers, decision);
                    headers.set(HttpHeaders.RETRY_AFTER, Long.toString(decision.retryAfterSeconds()));
                },
                Map.of("retry_after", decision.retryAfterSeconds()));
    }

    private static void addRateLimitHeaders(HttpHeaders headers, Decision decision) {
        Policy policy = decision.policy();
        headers.set("RateLimit-Limit", Long.toString(policy.limit()));
        headers.set("RateLimit-Remaining", Long.toString(decision.remaining()));
        headers.set("RateLimit-Reset", Long.toString(decision.resetSeconds()));
        headers.set("RateLimit-Policy", policy.limit() + ";w=" + Decision.seconds(policy.window()));
    }

    /**
     * The budget key of a client address: an IPv6 client counts by its /64, since a subscriber
     * (a home line, a cloud instance) usually holds a whole /64 and can rotate through its
     * addresses at will. IPv4 addresses count one by one.
     */
    static String addressKey(String address) {
        if (NetUtil.createInetAddressFromIpAddressString(address) instanceof Inet6Address v6) {
            byte[] prefix = Arrays.copyOf(v6.getAddress(), 16);
            Arrays.fill(prefix, 8, 16, (byte) 0);
            try {
                return NetUtil.toAddressString(InetAddress.getByAddress(prefix)) + "/64";
            } catch (UnknownHostException impossible) {
                throw new IllegalStateException(impossible);
            }
        }
        return address;
    }

    private static String userId(Principal principal) {
        return principal instanceof JwtAuthenticationToken jwt ? jwt.getToken().getSubject() : principal.getName();
    }

    private static PathPattern pattern(String path) {
        return PathPatternParser.defaultInstance.parse(path);
    }

    private record Rule(Policy policy, boolean perUser, Set<String> methods, List<PathPattern> paths) {

        static Rule of(String name, RateLimitProperties.Rule rule) {
            return new Rule(
                    Policy.of(name, rule.limit(), rule.window()),
                    rule.key() == RateLimitProperties.KeyType.USER,
                    rule.methods().stream().map(m -> m.toUpperCase(Locale.ROOT)).collect(Collectors.toSet()),
                    rule.paths().stream().map(RateLimitFilter::pattern).toList());
        }

        boolean matches(String method, PathContainer path) {
            return (methods.isEmpty() || methods.contains(method))
                    && paths.stream().anyMatch(p -> p.matches(path));
        }
    }
}
