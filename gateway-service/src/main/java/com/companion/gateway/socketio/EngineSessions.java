package com.companion.gateway.socketio;

import java.security.SecureRandom;
import java.util.Base64;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.context.SmartLifecycle;

/**
 * The Engine.IO sessions of this gateway instance, by id. Kept in memory: a polling client must
 * come back to the same instance (sticky sessions at the load balancer); a WebSocket client stays
 * on its connection anyway. Bounded in total and per client address. On shutdown every session
 * ends first, so no long-polling request holds the graceful shutdown up and clients reconnect
 * elsewhere.
 */
final class EngineSessions implements SmartLifecycle {

    private final SocketIoProperties properties;
    private final SecureRandom random = new SecureRandom();
    private final Map<String, EngineSession> sessions = new ConcurrentHashMap<>();
    private final Map<String, Integer> perAddress = new ConcurrentHashMap<>();
    private volatile boolean running;

    EngineSessions(SocketIoProperties properties) {
        this.properties = properties;
    }

    /** A new session, or null when this instance or the client address has as many as allowed. */
    EngineSession open(String clientAddress, EngineSession.Transport transport) {
        if (sessions.size() >= properties.maxSessions()) {
            return null;
        }
        boolean[] admitted = {false};
        perAddress.compute(clientAddress, (address, count) -> {
            int current = count == null ? 0 : count;
            if (current >= properties.maxSessionsPerAddress()) {
                return count;
            }
            admitted[0] = true;
            return current + 1;
        });
        if (!admitted[0]) {
            return null;
        }
        EngineSession session = new EngineSession(newId(), clientAddress, transport, properties, this::remove);
        sessions.put(session.id(), session);
        return session;
    }

    @Override
    public void start() {
        running = true;
    }

    @Override
    public void stop() {
        running = false;
        List.copyOf(sessions.values()).forEach(EngineSession::terminate);
    }

    @Override
    public boolean isRunning() {
        return running;
    }

    EngineSession get(String id) {
        return id == null ? null : sessions.get(id);
    }

    int size() {
        return sessions.size();
    }

    private void remove(EngineSession session) {
        if (sessions.remove(session.id(), session)) {
            perAddress.computeIfPresent(session.clientAddress(), (address, count) -> count <= 1 ? null : count - 1);
        }
    }

    private String newId() {
        byte[] bytes = new byte[15];
        random.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
