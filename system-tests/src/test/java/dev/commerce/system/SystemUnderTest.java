package dev.commerce.system;

import java.nio.file.Path;
import java.util.Map;

import org.junit.jupiter.api.extension.BeforeAllCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.junit.jupiter.api.extension.ParameterContext;
import org.junit.jupiter.api.extension.ParameterResolver;

import dev.commerce.localstack.Console;
import dev.commerce.localstack.RunningSystem;
import dev.commerce.localstack.ServicePorts;

/**
 * Starts the whole system once for all system tests (engines + the four packaged services, as
 * {@code ./mvnw -Plocal-stack} runs it, but on free ports) and stops it when the test run ends; should this JVM
 * die instead, every service and engine ends with it. Test classes get a {@link Shop}
 * (HTTP client of the public APIs) or the {@link RunningSystem} itself (to stop and start services).
 */
public final class SystemUnderTest implements BeforeAllCallback, ParameterResolver {

    private static final ExtensionContext.Namespace NAMESPACE = ExtensionContext.Namespace.create(SystemUnderTest.class);

    /**
     * Added to every service's production configuration. The outbox retries a failed step with exponential
     * back-off up to 5 minutes by default; capped here so that the outage test does not wait minutes after the
     * dependency is back. Nothing else differs from the local stack.
     */
    static final Map<String, String> TEST_ENVIRONMENT = Map.of("ORDER_OUTBOX_MAX_BACKOFF", "2s");

    @Override
    public void beforeAll(ExtensionContext context) {
        system(context);
    }

    @Override
    public boolean supportsParameter(ParameterContext parameter, ExtensionContext extension) {
        Class<?> type = parameter.getParameter().getType();
        return type == RunningSystem.class || type == Shop.class;
    }

    @Override
    public Object resolveParameter(ParameterContext parameter, ExtensionContext extension) {
        RunningSystem system = system(extension);
        return parameter.getParameter().getType() == Shop.class ? new Shop(system) : system;
    }

    private static RunningSystem system(ExtensionContext context) {
        Started started = context.getRoot().getStore(NAMESPACE)
                .getOrComputeIfAbsent(Started.class, key -> start(), Started.class);
        if (started.failure() != null) {
            // Tried once for the whole run: later test classes fail at once instead of waiting for it again.
            throw new IllegalStateException("The system did not start", started.failure());
        }
        return started.system();
    }

    private static Started start() {
        Path root = Path.of(System.getProperty("repository.root", "..")).toAbsolutePath().normalize();
        long begin = System.nanoTime();
        try {
            // Free ports: a local stack already running on 8081-8084 is neither disturbed nor mistaken for this one.
            RunningSystem system = RunningSystem.start(root, root.resolve("system-tests/target/service-logs"), "s3",
                    new Console(), created -> {
                    }, TEST_ENVIRONMENT, ServicePorts.free());
            System.out.printf("==> System up in %.1f s%n", (System.nanoTime() - begin) / 1e9);
            return new Started(system, null);
        } catch (RuntimeException e) {
            return new Started(null, e);
        }
    }

    /** Closed by JUnit when the root context (the whole test run) ends. */
    @SuppressWarnings("deprecation")
    private record Started(RunningSystem system, RuntimeException failure)
            implements AutoCloseable, ExtensionContext.Store.CloseableResource {
        @Override
        public void close() {
            if (system != null) {
                system.close();
            }
        }
    }
}
