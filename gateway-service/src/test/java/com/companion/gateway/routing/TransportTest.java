package com.companion.gateway.routing;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.resource.Transports;
import io.netty.channel.socket.nio.NioSocketChannel;
import io.netty.util.Version;
import org.junit.jupiter.api.Test;
import reactor.netty.resources.LoopResources;

/**
 * The gateway pins a newer Reactor Netty and Netty than Boot brings (see the pom) and runs on
 * NIO: a native transport jar left on the class path would be of another Netty version than
 * the classes that load it.
 */
class TransportTest {

    @Test
    void everyNettyJarIsOfOneVersion() {
        assertThat(Version.identify().values().stream()
                        .map(Version::artifactVersion)
                        .distinct())
                .hasSize(1);
    }

    @Test
    void theServerTheProxyClientAndRedisRunOnNio() {
        assertThat(LoopResources.hasNativeSupport()).isFalse();
        assertThat(Transports.socketChannelClass()).isEqualTo(NioSocketChannel.class);
    }
}
