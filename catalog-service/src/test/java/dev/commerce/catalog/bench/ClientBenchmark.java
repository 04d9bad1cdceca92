package dev.commerce.catalog.bench;

import java.lang.management.ManagementFactory;
import java.net.URI;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.function.Supplier;

import dev.commerce.backends.DynamoDbLocal;
import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.nio.netty.NettyNioAsyncHttpClient;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbAsyncClient;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;

/**
 * Measures the two ways a request path can read DynamoDB without blocking the event loop: the async (Netty)
 * client, and the sync (URL connection) client on virtual threads or on a bounded worker pool. Each variant issues
 * the same GetItem calls with the same number in flight against DynamoDB Local and prints throughput, latency
 * percentiles and the platform threads the JVM ended up with. Not a test: run it by hand (see the README).
 */
public final class ClientBenchmark {

    private static final String TABLE = "bench";
    private static final Map<String, AttributeValue> KEY = Map.of("PK", AttributeValue.fromS("PRODUCT#1"), "SK", AttributeValue.fromS("PRODUCT"));

    public static void main(String[] args) throws Exception {
        int calls = args.length > 0 ? Integer.parseInt(args[0]) : 5000;
        int inFlight = args.length > 1 ? Integer.parseInt(args[1]) : 64;
        try (DynamoDbLocal engine = new DynamoDbLocal()) {
            engine.start();
            URI endpoint = URI.create(engine.endpoint());
            try (DynamoDbClient sync = DynamoDbClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                    .credentialsProvider(credentials()).httpClientBuilder(UrlConnectionHttpClient.builder()).build();
                    DynamoDbAsyncClient async = DynamoDbAsyncClient.builder().endpointOverride(endpoint).region(Region.US_EAST_1)
                            .credentialsProvider(credentials())
                            .httpClientBuilder(NettyNioAsyncHttpClient.builder().maxConcurrency(inFlight)).build()) {
                prepare(sync);
                for (int round = 0; round < 2; round++) {
                    String label = round == 0 ? "warm-up " : "";
                    report(label + "async netty client", calls, inFlight, () -> asyncRun(async, calls, inFlight));
                    try (ExecutorService virtual = Executors.newVirtualThreadPerTaskExecutor()) {
                        report(label + "sync client, virtual threads", calls, inFlight, () -> syncRun(sync, virtual, calls, inFlight));
                    }
                    try (ExecutorService workers = Executors.newFixedThreadPool(20)) {
                        report(label + "sync client, 20 worker threads", calls, inFlight, () -> syncRun(sync, workers, calls, inFlight));
                    }
                }
            }
        }
    }

    private static StaticCredentialsProvider credentials() {
        return StaticCredentialsProvider.create(AwsBasicCredentials.create("bench", "bench"));
    }

    private static void prepare(DynamoDbClient dynamo) {
        dynamo.createTable(b -> b.tableName(TABLE).billingMode(BillingMode.PAY_PER_REQUEST)
                .attributeDefinitions(a -> a.attributeName("PK").attributeType(ScalarAttributeType.S),
                        a -> a.attributeName("SK").attributeType(ScalarAttributeType.S))
                .keySchema(k -> k.attributeName("PK").keyType(KeyType.HASH), k -> k.attributeName("SK").keyType(KeyType.RANGE)));
        dynamo.waiter().waitUntilTableExists(b -> b.tableName(TABLE));
        dynamo.putItem(b -> b.tableName(TABLE).item(Map.of("PK", KEY.get("PK"), "SK", KEY.get("SK"),
                "name", AttributeValue.fromS("A product"), "stock", AttributeValue.fromN("10"))));
    }

    private static long[] asyncRun(DynamoDbAsyncClient dynamo, int calls, int inFlight) {
        long[] latencies = new long[calls];
        Semaphore slots = new Semaphore(inFlight);
        List<CompletableFuture<?>> pending = new ArrayList<>(calls);
        for (int i = 0; i < calls; i++) {
            int call = i;
            slots.acquireUninterruptibly();
            long start = System.nanoTime();
            pending.add(dynamo.getItem(b -> b.tableName(TABLE).key(KEY)).whenComplete((response, failure) -> {
                latencies[call] = System.nanoTime() - start;
                slots.release();
            }));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        return latencies;
    }

    private static long[] syncRun(DynamoDbClient dynamo, ExecutorService executor, int calls, int inFlight) {
        long[] latencies = new long[calls];
        Semaphore slots = new Semaphore(inFlight);
        List<CompletableFuture<?>> pending = new ArrayList<>(calls);
        for (int i = 0; i < calls; i++) {
            int call = i;
            slots.acquireUninterruptibly();
            pending.add(CompletableFuture.runAsync(() -> {
                long start = System.nanoTime();
                try {
                    dynamo.getItem(b -> b.tableName(TABLE).key(KEY));
                } finally {
                    latencies[call] = System.nanoTime() - start;
                    slots.release();
                }
            }, executor));
        }
        CompletableFuture.allOf(pending.toArray(CompletableFuture[]::new)).join();
        return latencies;
    }

    private static void report(String label, int calls, int inFlight, Supplier<long[]> run) {
        long start = System.nanoTime();
        long[] latencies = run.get();
        Duration took = Duration.ofNanos(System.nanoTime() - start);
        Arrays.sort(latencies);
        System.out.printf("%-42s %6d calls, %3d in flight: %7.0f calls/s, p50 %6.2f ms, p99 %6.2f ms, %3d platform threads%n",
                label, calls, inFlight, calls / (took.toNanos() / 1e9), millis(latencies, 0.50), millis(latencies, 0.99),
                ManagementFactory.getThreadMXBean().getThreadCount());
    }

    private static double millis(long[] sorted, double percentile) {
        return sorted[Math.min(sorted.length - 1, (int) (sorted.length * percentile))] / 1e6;
    }
}
