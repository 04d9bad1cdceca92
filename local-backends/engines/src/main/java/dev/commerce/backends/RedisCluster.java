package dev.commerce.backends;

import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * A real Redis Cluster of {@code redis-server} masters on loopback (no replicas), set up the way
 * {@code redis-cli --cluster create} would: each node gets an even share of the 16384 hash slots and all nodes
 * meet. Nodes keep their cluster state across {@link #restart()}, so the same client configuration reconnects.
 */
public final class RedisCluster implements Engine {

    /** Redis Cluster's fixed number of hash slots. */
    public static final int SLOTS = 16384;
    /** Redis (before 7.0, which adds --cluster-port) listens for the cluster bus on the client port + 10000. */
    private static final int BUS_PORT_OFFSET = 10000;
    private static final Duration FORMATION_TIMEOUT = Duration.ofSeconds(30);

    private final List<Redis> nodes;
    private final EngineGroup group;

    /** Three masters, the smallest cluster Redis accepts as a real one. */
    public RedisCluster() {
        this(3);
    }

    public RedisCluster(int masters) {
        if (masters < 1) {
            throw new IllegalArgumentException("A cluster needs at least one master");
        }
        List<Redis> created = new ArrayList<>();
        for (int i = 0; i < masters; i++) {
            created.add(new Redis(portWithFreeBusPort(), Optional.empty(), List.of(
                    "--cluster-enabled", "yes",
                    // Relative to the node's own working directory, so nodes never share the file.
                    "--cluster-config-file", "nodes.conf",
                    "--cluster-node-timeout", "2000",
                    "--cluster-require-full-coverage", "yes")));
        }
        this.nodes = List.copyOf(created);
        this.group = new EngineGroup(nodes);
    }

    @Override
    public synchronized void start() {
        group.start();
        if (!hasSlots(nodes.get(0))) {
            assignSlots();
            Redis first = nodes.get(0);
            nodes.stream().skip(1).forEach(node ->
                    first.command("CLUSTER", "MEET", LoopbackPorts.HOST, Integer.toString(node.port())));
        }
        LoopbackPorts.await("a formed Redis cluster on ports " + ports(), FORMATION_TIMEOUT, this::formed);
    }

    private void assignSlots() {
        for (int i = 0; i < nodes.size(); i++) {
            int from = i * SLOTS / nodes.size();
            int to = (i + 1) * SLOTS / nodes.size();
            List<String> args = new ArrayList<>(List.of("CLUSTER", "ADDSLOTS"));
            for (int slot = from; slot < to; slot++) {
                args.add(Integer.toString(slot));
            }
            nodes.get(i).command(args.toArray(String[]::new));
        }
    }

    private static boolean hasSlots(Redis node) {
        return !info(node).contains("cluster_slots_assigned:0");
    }

    /** Every node sees all nodes, all slots assigned and the cluster state ok. */
    private boolean formed() {
        try {
            return nodes.stream().map(RedisCluster::info).allMatch(info ->
                    info.contains("cluster_state:ok")
                            && info.contains("cluster_slots_assigned:" + SLOTS)
                            && info.contains("cluster_known_nodes:" + nodes.size()));
        } catch (RuntimeException notYet) {
            return false;
        }
    }

    private static String info(Redis node) {
        return node.command("CLUSTER", "INFO");
    }

    @Override
    public synchronized void stop() {
        group.stop();
    }

    @Override
    public boolean isRunning() {
        return group.isRunning();
    }

    @Override
    public synchronized void close() {
        group.close();
    }

    /** The masters, for commands addressed to one node (a key's owner answers; others reply MOVED). */
    public List<Redis> nodes() {
        return nodes;
    }

    /** Seed URLs for a cluster client, comma-separated, e.g. for {@code quarkus.redis.hosts}. */
    public String hosts() {
        return nodes.stream().map(Redis::url).collect(Collectors.joining(","));
    }

    @Override
    public String describe() {
        return "Redis cluster of " + nodes.size() + " masters on " + LoopbackPorts.HOST + " ports " + ports();
    }

    private String ports() {
        return nodes.stream().map(node -> Integer.toString(node.port())).collect(Collectors.joining(","));
    }

    /** A free client port whose cluster bus port (port + 10000) is free too. */
    private static int portWithFreeBusPort() {
        for (int attempt = 0; attempt < 200; attempt++) {
            int port = LoopbackPorts.freePort();
            if (port + BUS_PORT_OFFSET <= 65535 && canBind(port + BUS_PORT_OFFSET)) {
                return port;
            }
        }
        throw new IllegalStateException("No free loopback port pair (p, p+" + BUS_PORT_OFFSET + ") for a cluster node");
    }

    private static boolean canBind(int port) {
        try (ServerSocket socket = new ServerSocket(port, 1, InetAddress.getByName(LoopbackPorts.HOST))) {
            socket.setReuseAddress(true);
            return true;
        } catch (IOException inUse) {
            return false;
        }
    }
}
