package dev.commerce.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CountDownLatch;

import dev.commerce.backends.ChildProcess;
import dev.commerce.backends.DevJwtKeys;

/** Starts engines, then services, seeds the catalog, prints how to use it, and stops it all on Ctrl-C. */
final class StackRunner {

    private static final Duration SERVICE_START_TIMEOUT = Duration.ofSeconds(120);

    private final StackOptions options;
    private final Console console = new Console();
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final Path root = Path.of("").toAbsolutePath();
    private final Path logDir = root.resolve("local-stack/target/logs");
    private final LocalBackends backends = new LocalBackends();
    private final List<ChildProcess> services = new ArrayList<>();
    private final CountDownLatch stopped = new CountDownLatch(1);

    StackRunner(StackOptions options) {
        this.options = options;
    }

    void runUntilInterrupted() throws Exception {
        Runtime.getRuntime().addShutdownHook(new Thread(this::stop, "local-stack-stopper"));
        try {
            List<ServiceSpec> specs = StackConfiguration.services(backends, DevJwtKeys.shared(), options);
            checkBuilt(specs);
            Files.createDirectories(logDir);

            console.step("Starting the store engines");
            backends.start(console);

            console.step("Starting the services (logs in " + root.relativize(logDir) + ")");
            startServices(specs);

            if (options.seed()) {
                console.step("Loading the sample catalog");
                console.info(new SampleCatalog(http, specs.getFirst().url()).load() + " products in the catalog");
            }
            Walkthrough.print(specs, options);
        } catch (RuntimeException e) {
            System.err.println("\nThe stack could not start: " + e.getMessage());
            stop();
            System.exit(1);
        }
        stopped.await();
    }

    private void checkBuilt(List<ServiceSpec> specs) {
        List<String> missing = specs.stream().filter(s -> !Files.isRegularFile(s.application(root)))
                .map(ServiceSpec::name).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Not built yet: " + missing + ". Run ./mvnw -Plocal-stack from the repository root.");
        }
    }

    private void startServices(List<ServiceSpec> specs) {
        List<CompletableFuture<Void>> starts = new ArrayList<>();
        for (ServiceSpec spec : specs) {
            List<String> command = new ArrayList<>(List.of(ChildProcess.javaLauncher(), "-Xmx384m", "-XX:+UseSerialGC"));
            spec.systemProperties().forEach((key, value) -> command.add("-D" + key + "=" + value));
            command.add("-Dquarkus.http.port=" + spec.port());
            command.addAll(List.of("-jar", spec.application(root).toString()));
            ChildProcess process = new ChildProcess(spec.name(), command, spec.environment(), logDir);
            synchronized (services) {
                services.add(process);
            }
            starts.add(CompletableFuture.runAsync(() -> {
                long begin = System.nanoTime();
                process.start(SERVICE_START_TIMEOUT, () -> isReady(spec));
                console.ready(spec.name() + " on " + spec.url(), begin);
            }));
        }
        CompletableFuture.allOf(starts.toArray(CompletableFuture[]::new)).join();
    }

    private boolean isReady(ServiceSpec spec) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(spec.url() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build();
            return http.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private synchronized void stop() {
        if (stopped.getCount() == 0) {
            return;
        }
        System.out.println("\n==> Stopping services and engines");
        List<ChildProcess> running;
        synchronized (services) {
            running = List.copyOf(services);
        }
        running.parallelStream().forEach(ChildProcess::stop);
        backends.close();
        System.out.println("    stopped; nothing left running");
        stopped.countDown();
    }

}
