package dev.commerce.localstack;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.function.BooleanSupplier;

import dev.commerce.backends.ChildProcess;
import dev.commerce.backends.Engine;
import dev.commerce.backends.PortTakenException;

/**
 * One service of the stack: its packaged application in a child JVM, ready once the socket on its port is its own
 * and {@code /q/health/ready} answers 200 there. A start that fails is tried once more (a JVM booting next to
 * others on a small machine can miss its deadline), except when another process holds the port.
 */
final class ServiceProcess implements Engine {

    private static final Duration START_TIMEOUT = Duration.ofSeconds(120);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private final ServiceSpec spec;
    private final ChildProcess process;
    private final Console console;
    private final BooleanSupplier systemClosed;

    ServiceProcess(ServiceSpec spec, Path root, Path logDir, Console console, BooleanSupplier systemClosed) {
        this.spec = spec;
        this.console = console;
        this.systemClosed = systemClosed;
        List<String> command = new ArrayList<>(List.of(ChildProcess.javaLauncher(), "-Xmx384m", "-XX:+UseSerialGC"));
        spec.systemProperties().forEach((key, value) -> command.add("-D" + key + "=" + value));
        command.add("-Dquarkus.http.port=" + spec.port());
        command.addAll(List.of("-jar", spec.application(root).toString()));
        this.process = new ChildProcess(spec.name(), command, spec.environment(), logDir);
    }

    @Override
    public void start() {
        if (systemClosed.getAsBoolean()) {
            throw new IllegalStateException("The system is stopped");
        }
        try {
            process.start(START_TIMEOUT, spec.port(), this::isReady);
        } catch (IllegalStateException first) {
            if (first instanceof PortTakenException || systemClosed.getAsBoolean()) {
                throw first;
            }
            console.info(spec.name() + " did not come up (" + firstLine(first.getMessage()) + "); trying once more");
            process.start(START_TIMEOUT, spec.port(), this::isReady);
        }
    }

    /** Stops the service (SIGTERM, then kill after a grace period), as an outage would. */
    @Override
    public void stop() {
        process.stop();
    }

    @Override
    public boolean isRunning() {
        return process.isAlive();
    }

    @Override
    public String describe() {
        return spec.name() + " on " + spec.url();
    }

    ServiceSpec spec() {
        return spec;
    }

    private boolean isReady() {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(spec.url() + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2)).build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }

    private static String firstLine(String message) {
        return message == null ? "no message" : message.lines().findFirst().orElse("");
    }
}
