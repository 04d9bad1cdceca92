package dev.commerce.localstack;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;

import dev.commerce.backends.DynamoDbLocal;
import dev.commerce.backends.EfsDirectory;
import dev.commerce.backends.Engine;
import dev.commerce.backends.Postgres;
import dev.commerce.backends.Redis;
import dev.commerce.backends.S3Proxy;

/** The four store engines of the stack, started in parallel and stopped together. */
final class LocalBackends implements AutoCloseable {

    final DynamoDbLocal dynamo = new DynamoDbLocal();
    final Postgres postgres = new Postgres();
    final Redis redis = new Redis();
    final S3Proxy s3 = new S3Proxy();
    final EfsDirectory efs = new EfsDirectory();

    private final List<Engine> engines = List.of(dynamo, postgres, redis, s3, efs);

    void start(Console console) {
        List<CompletableFuture<Void>> starts = new ArrayList<>();
        for (Engine engine : engines) {
            starts.add(CompletableFuture.runAsync(() -> {
                long begin = System.nanoTime();
                engine.start();
                console.ready(engine.describe(), begin);
            }));
        }
        CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
    }

    @Override
    public void close() {
        engines.forEach(engine -> {
            try {
                engine.close();
            } catch (RuntimeException e) {
                System.err.println("Could not stop " + engine.describe() + ": " + e.getMessage());
            }
        });
    }
}
