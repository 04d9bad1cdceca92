package dev.commerce.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Path;
import java.util.List;
import java.util.Map;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.commerce.backends.DevJwtKeys;
import dev.commerce.testing.deploy.ProdConfiguration;

/**
 * The stack runs the services' prod profile, so it must set every environment variable that profile requires
 * (a {@code ${VAR}} without default), and the order database must be reachable without TLS.
 */
class StackConfigurationTest {

    private static LocalBackends backends;

    @TempDir
    static Path work;

    @BeforeAll
    static void endpoints() {
        backends = new LocalBackends();
    }

    @AfterAll
    static void cleanUp() {
        backends.close();
    }

    @Test
    void everyVariableTheProdProfileRequiresIsSet() {
        List<ServiceSpec> services = services(ServicePorts.documented());
        assertThat(services).extracting(ServiceSpec::name)
                .containsExactly("catalog-service", "order-service", "session-service", "media-service");
        for (ServiceSpec service : services) {
            ProdConfiguration prod = ProdConfiguration.of(Path.of("..", service.name(), "src/main/resources/application.properties"));
            assertThat(service.environment().keySet()).as(service.name()).containsAll(prod.requiredVariableNames());
        }
    }

    @Test
    void servicesFindEachOtherOnTheirPorts() {
        ServicePorts ports = ServicePorts.free();
        List<ServiceSpec> services = services(ports);
        assertThat(services).extracting(ServiceSpec::port)
                .containsExactly(ports.catalog(), ports.order(), ports.session(), ports.media());
        assertThat(services.get(1).environment())
                .containsEntry("CATALOG_URL", "http://127.0.0.1:" + ports.catalog())
                .containsEntry("SESSION_URL", "http://127.0.0.1:" + ports.session())
                .containsEntry("MEDIA_URL", "http://127.0.0.1:" + ports.media());
        assertThat(ServicePorts.documented().byService())
                .containsExactly(Map.entry("catalog-service", 8081), Map.entry("order-service", 8082),
                        Map.entry("session-service", 8083), Map.entry("media-service", 8084));
    }

    @Test
    void orderDatabaseIsPlainLoopbackWithAReadableCaBundle() {
        ServiceSpec order = services(ServicePorts.documented()).get(1);
        assertThat(order.environment()).containsEntry("ORDER_DB_SSL_MODE", "disable")
                .containsEntry("ORDER_DB_READER_URL", order.environment().get("ORDER_DB_URL"));
        Path bundle = Path.of(order.environment().get("ORDER_DB_CA_BUNDLE"));
        assertThat(bundle).isRegularFile().content().startsWith("-----BEGIN CERTIFICATE-----");
    }

    private static List<ServiceSpec> services(ServicePorts ports) {
        return StackConfiguration.services(backends, DevJwtKeys.shared(), "s3", work, ports);
    }
}
