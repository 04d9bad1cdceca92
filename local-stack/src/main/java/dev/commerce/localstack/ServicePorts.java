package dev.commerce.localstack;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;

import dev.commerce.backends.LoopbackPorts;

/**
 * The port of each service. The interactive stack keeps the documented 8081–8084 (the walk-through and the
 * service READMEs use them); tests and tools take free ones, so they never meet a stack that is already running.
 */
public record ServicePorts(int catalog, int order, int session, int media) {

    public static ServicePorts documented() {
        return new ServicePorts(8081, 8082, 8083, 8084);
    }

    /** Service name to port, in the order the services start. */
    public Map<String, Integer> byService() {
        Map<String, Integer> ports = new LinkedHashMap<>();
        ports.put("catalog-service", catalog);
        ports.put("order-service", order);
        ports.put("session-service", session);
        ports.put("media-service", media);
        return ports;
    }

    /** Four distinct ports that were free a moment ago. */
    public static ServicePorts free() {
        Set<Integer> ports = new HashSet<>();
        while (ports.size() < 4) {
            ports.add(LoopbackPorts.freePort());
        }
        Integer[] chosen = ports.toArray(Integer[]::new);
        return new ServicePorts(chosen[0], chosen[1], chosen[2], chosen[3]);
    }
}
