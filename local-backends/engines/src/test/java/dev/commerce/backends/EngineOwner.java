package dev.commerce.backends;

import java.util.Arrays;
import java.util.List;

/**
 * A JVM that starts the engines named in its arguments, prints {@code ready}, and waits: to be killed, or for its
 * standard input to end, on which it exits without closing anything.
 */
public final class EngineOwner {

    private EngineOwner() {
    }

    public static void main(String[] args) throws Exception {
        List<Engine> engines = Arrays.stream(args).map(EngineOwner::engine).toList();
        new EngineGroup(engines).start();
        System.out.println("ready");
        System.in.transferTo(java.io.OutputStream.nullOutputStream());
        System.exit(0);
    }

    private static Engine engine(String name) {
        return switch (name) {
            case "postgres" -> new Postgres();
            case "redis" -> new Redis();
            case "dynamodb" -> new DynamoDbLocal();
            case "s3proxy" -> new S3Proxy();
            case "efs" -> new EfsDirectory();
            default -> throw new IllegalArgumentException("Unknown engine " + name);
        };
    }
}
