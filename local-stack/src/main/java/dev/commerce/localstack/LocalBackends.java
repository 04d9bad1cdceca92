package dev.commerce.localstack;

import java.util.List;

import dev.commerce.backends.DynamoDbLocal;
import dev.commerce.backends.EfsDirectory;
import dev.commerce.backends.EngineGroup;
import dev.commerce.backends.Postgres;
import dev.commerce.backends.Redis;
import dev.commerce.backends.S3Proxy;

/** The store engines of the stack, started in parallel and stopped together. */
final class LocalBackends implements AutoCloseable {

    final DynamoDbLocal dynamo = new DynamoDbLocal();
    final Postgres postgres = new Postgres();
    final Redis redis = new Redis();
    final S3Proxy s3 = new S3Proxy();
    final EfsDirectory efs = new EfsDirectory();

    private final EngineGroup engines = new EngineGroup(List.of(dynamo, postgres, redis, s3, efs));

    void start(Console console) {
        engines.start((engine, took) -> console.ready(engine.describe(), took));
    }

    @Override
    public void close() {
        engines.close();
    }
}
