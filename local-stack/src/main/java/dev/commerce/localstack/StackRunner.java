package dev.commerce.localstack;

import java.net.http.HttpClient;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.CountDownLatch;

import sun.misc.Signal;

/**
 * {@code local-stack run}: the whole system until Ctrl-C, with a sample catalog and a printed walk-through.
 * <p>
 * Ctrl-C, SIGTERM and SIGHUP (a closed terminal) stop the services, then the engines, and exit. Any other end of
 * this process (SIGKILL, a crash) is covered by the engines' and services' work directories, which end with it.
 * Started by Maven ({@code -Dlocal-stack.stop-with-parent=true}), the stack also stops when Maven ends, however
 * Maven ends.
 */
final class StackRunner {

    private final StackOptions options;
    private final Console console = new Console();
    private final CountDownLatch stopped = new CountDownLatch(1);
    private volatile RunningSystem system;

    StackRunner(StackOptions options) {
        this.options = options;
    }

    void runUntilInterrupted() throws InterruptedException {
        // Signals stop the stack in order. A signal this process ignores (SIGINT in a background job) stays ignored.
        for (String signal : new String[] {"INT", "TERM", "HUP"}) {
            Signal.handle(new Signal(signal), received -> stopAndExit(128 + received.getNumber()));
        }
        if (Boolean.getBoolean("local-stack.stop-with-parent")) {
            ProcessHandle.current().parent().ifPresent(parent -> parent.onExit().thenRun(() -> stopAndExit(1)));
        }
        Path root = Path.of("").toAbsolutePath();
        try {
            RunningSystem.start(root, root.resolve("local-stack/target/logs"), options.mediaStore(), console,
                    created -> system = created, Map.of(), options.ports());
            if (options.seed()) {
                console.step("Loading the sample catalog");
                HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
                console.info(new SampleCatalog(http, system.url("catalog-service")).load() + " products in the catalog");
            }
            Walkthrough.print(system.services(), options);
        } catch (RuntimeException e) {
            System.err.println("\nThe stack could not start: " + e.getMessage());
            stopAndExit(1);
        }
        stopped.await();
    }

    private void stopAndExit(int status) {
        stop();
        System.exit(status);
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
