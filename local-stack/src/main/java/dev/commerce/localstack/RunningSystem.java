package dev.commerce.localstack;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

import dev.commerce.backends.DevJwtKeys;
import dev.commerce.backends.EngineGroup;
import dev.commerce.backends.PortHolder;
import dev.commerce.backends.PortTakenException;

/**
 * The whole system on this machine: store engines plus the four packaged services. Used by the
 * {@code local-stack run} command and by the end-to-end system tests, which also stop and restart single
 * services to prove the system rides out an outage. Callers learn where each service is from {@link #url(String)}.
 * <p>
 * Every service is a child process in a work directory of its own, so it ends with the process that started the
 * system, however that ends. A start refuses a port that another process holds, and each service counts as ready
 * only once the socket answering on its port is that service's own.
 */
public final class RunningSystem implements AutoCloseable {

    private final Path root;
    private final Path logDir;
    private final Console console;
    private final Map<String, ServiceProcess> services = new LinkedHashMap<>();
    private LocalBackends backends;
    private volatile boolean closed;

    private RunningSystem(Path root, Path logDir, Console console) {
        this.root = root;
        this.logDir = logDir;
        this.console = console;
    }

    /**
     * Starts engines and services, each service on a free port; returns once every service reports ready.
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
        return start(root, logDir, mediaStore, console, created, environment, ServicePorts.free());
    }

    /**
     * As above, with the services on {@code ports}. Refuses with {@link PortTakenException}, before anything
     * starts, when a process already listens on one of them.
     */
    public static RunningSystem start(Path root, Path logDir, String mediaStore, Console console,
            Consumer<RunningSystem> created, Map<String, String> environment, ServicePorts ports) {
        RunningSystem system = new RunningSystem(root, logDir, console);
        created.accept(system);
        try {
            system.boot(mediaStore, environment, ports);
            return system;
        } catch (RuntimeException e) {
            system.close();
            throw e;
        }
    }

    private void boot(String mediaStore, Map<String, String> environment, ServicePorts ports) {
        refuseTaken(ports);
        List<String> missing = ports.byService().keySet().stream()
                .filter(name -> !Files.isRegularFile(ServiceSpec.application(root, name))).toList();
        if (!missing.isEmpty()) {
            throw new IllegalStateException("Not built yet: " + missing + ". Run ./mvnw -Plocal-stack from the repository root.");
        }
        try {
            Files.createDirectories(logDir);
        } catch (IOException e) {
            throw new IllegalStateException("Cannot create " + logDir, e);
        }
        backends = new LocalBackends();
        for (ServiceSpec spec : StackConfiguration.services(backends, DevJwtKeys.shared(), mediaStore, logDir, ports)) {
            Map<String, String> env = new HashMap<>(spec.environment());
            env.putAll(environment);
            ServiceSpec withEnvironment = new ServiceSpec(spec.name(), spec.port(), env, spec.systemProperties());
            services.put(spec.name(), new ServiceProcess(withEnvironment, root, logDir, console, () -> closed));
        }
        console.step("Starting the store engines");
        backends.start(console);
        console.step("Starting the services (logs in " + logDir + ")");
        // Two at a time: four JVMs booting at once on a small machine starve the engines they talk to at start-up.
        List<ServiceProcess> all = List.copyOf(services.values());
        for (int i = 0; i < all.size(); i += 2) {
            new EngineGroup(all.subList(i, Math.min(i + 2, all.size())))
                    .start((service, took) -> console.ready(service.describe(), took));
        }
    }

    /** Names each port that another process listens on; a stack that is already running is the usual one. */
    private static void refuseTaken(ServicePorts ports) {
        ports.byService().forEach((service, port) -> {
            if (PortHolder.isTaken(port)) {
                throw new PortTakenException(port, "Port " + port + " for " + service + " is already in use by "
                        + PortHolder.describeHolder(port) + ". Is another local stack running? Stop it first.");
            }
        });
    }

    /** Starts (or restarts) one service and waits until it is ready. */
    public void startService(String name) {
        ServiceProcess service = service(name);
        long begin = System.nanoTime();
        service.start();
        console.ready(service.describe(), Duration.ofNanos(System.nanoTime() - begin));
    }

    /** Stops one service (SIGTERM, then kill after a grace period), as an outage would. */
    public void stopService(String name) {
        service(name).stop();
    }

    /** A bearer token for {@code subject} with {@code role} (customer, admin or service), valid one hour. */
    public String token(String subject, String role) {
        return LocalTokens.mint(subject, role, Duration.ofHours(1));
    }

    /** Where {@code service} answers, e.g. {@code http://127.0.0.1:40123}. */
    public String url(String service) {
        return service(service).spec().url();
    }

    public List<ServiceSpec> services() {
        return services.values().stream().map(ServiceProcess::spec).toList();
    }

    private ServiceProcess service(String name) {
        ServiceProcess service = services.get(name);
        if (service == null) {
            throw new IllegalArgumentException("No service " + name + "; known: " + services.keySet());
        }
        return service;
    }

    /** Stops every service, then every engine. */
    @Override
    public synchronized void close() {
        if (closed) {
            return;
        }
        closed = true;
        services.values().parallelStream().forEach(ServiceProcess::stop);
        if (backends != null) {
            backends.close();
        }
    }
}
