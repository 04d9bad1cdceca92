package dev.commerce.localstack;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.concurrent.CountDownLatch;

import sun.misc.Signal;

/** {@code local-stack run}: the whole system until Ctrl-C, with a sample catalog and a printed walk-through. */
final class StackRunner {

    private final StackOptions options;
    private final Console console = new Console();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile RunningSystem system;

    StackRunner(StackOptions options) {
        this.options = options;
    }

    void runUntilInterrupted() throws InterruptedException {
        // Ctrl-C and SIGTERM stop the stack before the JVM starts its exit: shutdown hooks run concurrently, and
        // the engines' own exit hooks (work directories removed) must not race the orderly stop of PostgreSQL.
        for (String signal : new String[] {"INT", "TERM"}) {
            Signal.handle(new Signal(signal), received -> {
                stop();
                System.exit(128 + received.getNumber());
            });
        }
        // Backstop for any other way out (System.exit elsewhere, an unexpected error).
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "local-stack-stopper"));
        Path root = Path.of("").toAbsolutePath();
        try {
            RunningSystem.start(root, root.resolve("local-stack/target/logs"), options.mediaStore(), console,
                    created -> system = created);
            if (options.seed()) {
                console.step("Loading the sample catalog");
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
                console.info(new SampleCatalog(http, system.url("catalog-service")).load() + " products in the catalog");
            }
            Walkthrough.print(system.services(), options);
        } catch (RuntimeException e) {
            System.err.println("\nThe stack could not start: " + e.getMessage());
            stop();
            System.exit(1);
        }
        stopped.await();
    }

    private synchronized void stop() {
        if (stopped.getCount() == 0) {
            return;
        }
        System.out.println("\n==> Stopping services and engines");
        if (system != null) {
            system.close();
        }
        System.out.println("    stopped; nothing left running");
        stopped.countDown();
    }
}
