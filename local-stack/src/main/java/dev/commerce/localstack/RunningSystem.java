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
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;

import dev.commerce.backends.ChildProcess;
import dev.commerce.backends.DevJwtKeys;

/**
 * The whole system on this machine: store engines plus the four packaged services. Used by the
 * {@code local-stack run} command and by the end-to-end system tests, which also stop and restart single
 * services to prove the system rides out an outage.
 */
public final class RunningSystem implements AutoCloseable {

    private static final Duration SERVICE_START_TIMEOUT = Duration.ofSeconds(120);

    private final Path root;
    private final Path logDir;
    private final Console console;
    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();
    private final LocalBackends backends = new LocalBackends();
    private final Map<String, ServiceSpec> specs = new LinkedHashMap<>();
    private final Map<String, ChildProcess> processes = new LinkedHashMap<>();

    private RunningSystem(Path root, Path logDir, Console console) {
        this.root = root;
        this.logDir = logDir;
        this.console = console;
    }

    /**
     * Starts engines and services; returns once every service reports ready.
     *
     * @param root   the repository root (services are run from {@code <service>/target/quarkus-app})
     * @param logDir where each service writes its log
     */
    public static RunningSystem start(Path root, Path logDir, String mediaStore, Console console) {
        RunningSystem system = new RunningSystem(root, logDir, console);
        try {
            system.boot(mediaStore);
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    private void boot(String mediaStore) {
        StackConfiguration.services(backends, DevJwtKeys.shared(), mediaStore).forEach(spec -> specs.put(spec.name(), spec));
        List<String> missing = specs.values().stream().filter(s -> !Files.isRegularFile(s.application(root)))
                .map(ServiceSpec::name).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Not built yet: " + missing + ". Run ./mvnw -Plocal-stack from the repository root.");
        }
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create " + logDir, e);
        }
        console.step("Starting the store engines");
        backends.start(console);
        console.step("Starting the services (logs in " + logDir + ")");
        CompletableFuture.allOf(specs.keySet().stream()
                .map(name -> CompletableFuture.runAsync(() -> startService(name)))
                .toArray(CompletableFuture[]::new)).join();
    }

    /** Starts (or restarts) one service and waits until it is ready. */
    public void startService(String name) {
        ServiceSpec spec = spec(name);
        List<String> command = new ArrayList<>(List.of(ChildProcess.javaLauncher(), "-Xmx384m", "-XX:+UseSerialGC"));
        spec.systemProperties().forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-Dquarkus.http.port=" + spec.port());
        command.addAll(List.of("-jar", spec.application(root).toString()));
        ChildProcess process = new ChildProcess(spec.name(), command, spec.environment(), logDir);
        synchronized (processes) {
            processes.put(name, process);
        }
        long begin = System.nanoTime();
        process.start(SERVICE_START_TIMEOUT, () -> isReady(spec));
        console.ready(spec.name() + " on " + spec.url(), begin);
    }

    /** Stops one service (SIGTERM, then kill after a grace period), as an outage would. */
    public void stopService(String name) {
        ChildProcess process;
        synchronized (processes) {
            process = processes.get(name);
        }
        if (process != null) {
            process.stop();
        }
    }

    public String url(String service) {
        return spec(service).url();
    }

    public List<ServiceSpec> services() {
        return List.copyOf(specs.values());
    }

    private ServiceSpec spec(String name) {
        ServiceSpec spec = specs.get(name);
        if (spec == null) {
            throw new IllegalArgumentException("No service " + name + "; known: " + specs.keySet());
        }
        return spec;
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

    /** Stops every service, then every engine. */
    @Override
    public void close() {
        List<ChildProcess> running;
        synchronized (processes) {
            running = List.copyOf(processes.values());
        }
        running.parallelStream().forEach(ChildProcess::stop);
        backends.close();
    }
}
