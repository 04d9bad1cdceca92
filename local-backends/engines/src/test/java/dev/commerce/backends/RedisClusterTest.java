package dev.commerce.backends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;

import org.junit.jupiter.api.Test;

class RedisClusterTest {

    @Test
    void threeMastersShareAllSlotsRedirectForeignKeysAndReformAfterRestart() {
        try (RedisCluster cluster = new RedisCluster()) {
            cluster.start();
            List<Redis> nodes = cluster.nodes();
            assertThat(nodes).hasSize(3);
            assertThat(cluster.hosts().split(",")).hasSize(3).allMatch(url -> url.startsWith("redis://127.0.0.1:"));

            int slot = Integer.parseInt(nodes.get(0).command("CLUSTER", "KEYSLOT", "greeting"));
            Redis owner = ownerOf(nodes, slot);
            owner.command("SET", "greeting", "hello");
            assertThat(owner.command("GET", "greeting")).isEqualTo("hello");
            Redis other = nodes.stream().filter(node -> node != owner).findFirst().orElseThrow();
            assertThatThrownBy(() -> other.command("GET", "greeting")).hasMessageContaining("MOVED " + slot);

            cluster.restart();
            assertThat(nodes.get(1).command("CLUSTER", "INFO")).contains("cluster_state:ok", "cluster_known_nodes:3");
            assertThat(ownerOf(nodes, slot).port()).isEqualTo(owner.port());
        }
    }

    /** The node whose own line in CLUSTER NODES lists a slot range containing the slot. */
    private static Redis ownerOf(List<Redis> nodes, int slot) {
        return nodes.stream().filter(node -> Arrays.stream(node.command("CLUSTER", "NODES").split("\n"))
                .filter(line -> line.contains("myself"))
                .flatMap(line -> Arrays.stream(line.split(" ")).skip(8))
                .anyMatch(range -> {
                    String[] bounds = range.split("-");
                    int from = Integer.parseInt(bounds[0]);
                    int to = Integer.parseInt(bounds[bounds.length - 1]);
                    return slot >= from && slot <= to;
                }))
                .findFirst().orElseThrow();
    }
}
