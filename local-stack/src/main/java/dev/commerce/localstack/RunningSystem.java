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
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.function.Consumer;

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
    private volatile boolean closed;

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
        return start(root, logDir, mediaStore, console, system -> {
        });
    }

    /**
     * As {@link #start(Path, Path, String, Console)}, handing the system to {@code created} before anything is
     * started, so that an interrupt during start-up can {@link #close()} what is already running.
     */
    public static RunningSystem start(Path root, Path logDir, String mediaStore, Console console,
            Consumer<RunningSystem> created) {
        return start(root, logDir, mediaStore, console, created, Map.of());
    }

    /**
     * As above, with {@code environment} added to every service's environment (e.g. shorter retry back-offs
     * for tests that take a service down).
     */
    public static RunningSystem start(Path root, Path logDir, String mediaStore, Console console,
            Consumer<RunningSystem> created, Map<String, String> environment) {
        RunningSystem system = new RunningSystem(root, logDir, console);
        created.accept(system);
        try {
            system.boot(mediaStore, environment);
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    private void boot(String mediaStore, Map<String, String> environment) {
        for (ServiceSpec spec : StackConfiguration.services(backends, DevJwtKeys.shared(), mediaStore, logDir)) {
            Map<String, String> env = new HashMap<>(spec.environment());
            env.putAll(environment);
            specs.put(spec.name(), new ServiceSpec(spec.name(), spec.port(), env, spec.systemProperties()));
        }
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
        // Two at a time: four JVMs booting at once on a small machine starve the engines they talk to at start-up.
        List<String> names = List.copyOf(specs.keySet());
        for (int i = 0; i < names.size(); i += 2) {
            CompletableFuture.allOf(names.subList(i, Math.min(i + 2, names.size())).stream()
                    .map(name -> CompletableFuture.runAsync(() -> startWithOneRetry(name)))
                    .toArray(CompletableFuture[]::new)).join();
        }
    }

    private void startWithOneRetry(String name) {
        try {
            startService(name);
        } catch (IllegalStateException first) {
            if (closed) {
                throw first;
            }
            console.info(name + " did not come up (" + firstLine(first.getMessage()) + "); trying once more");
            startService(name);
        }
    }

    private static String firstLine(String message) {
        return message == null ? "no message" : message.lines().findFirst().orElse("");
    }

    /** Starts (or restarts) one service and waits until it is ready. */
    public void startService(String name) {
        ServiceSpec spec = spec(name);
        if (closed) {
            throw new IllegalStateException("The system is stopped");
        }
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

    /** A bearer token for {@code subject} with {@code role} (customer, admin or service), valid one hour. */
    public String token(String subject, String role) {
        return LocalTokens.mint(subject, role, Duration.ofHours(1));
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
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        List<ChildProcess> running;
        synchronized (processes) {
            running = List.copyOf(processes.values());
        }
        running.parallelStream().forEach(ChildProcess::stop);
        backends.close();
    }
}
