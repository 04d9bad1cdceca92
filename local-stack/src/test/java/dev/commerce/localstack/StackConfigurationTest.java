package dev.commerce.localstack;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import dev.commerce.backends.DevJwtKeys;

/**
 * The stack runs the services' prod profile, so it must set every environment variable that profile requires
 * (a {@code ${VAR}} without default), and the order database must be reachable without TLS.
 */
class StackConfigurationTest {

    private static final Pattern REQUIRED = Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)}");

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
    void everyVariableTheProdProfileRequiresIsSet() throws IOException {
        List<ServiceSpec> services = StackConfiguration.services(backends, DevJwtKeys.shared(), "s3", work);
        assertThat(services).extracting(ServiceSpec::name)
                .containsExactly("catalog-service", "order-service", "session-service", "media-service");
        for (ServiceSpec service : services) {
            Set<String> required = requiredByProdProfile(service.name());
            assertThat(service.environment().keySet()).as(service.name()).containsAll(required);
        }
    }

    @Test
    void orderDatabaseIsPlainLoopbackWithAReadableCaBundle() {
        ServiceSpec order = StackConfiguration.services(backends, DevJwtKeys.shared(), "s3", work).get(1);
        assertThat(order.environment()).containsEntry("ORDER_DB_SSL_MODE", "disable")
                .containsEntry("ORDER_DB_READER_URL", order.environment().get("ORDER_DB_URL"));
        Path bundle = Path.of(order.environment().get("ORDER_DB_CA_BUNDLE"));
        assertThat(bundle).isRegularFile().content().startsWith("-----BEGIN CERTIFICATE-----");
    }

    private static Set<String> requiredByProdProfile(String service) throws IOException {
        Path properties = Path.of("..", service, "src/main/resources/application.properties");
        Set<String> required = new LinkedHashSet<>();
        for (String line : Files.readAllLines(properties)) {
            if (line.startsWith("%prod.") || !line.startsWith("%")) {
                Matcher matcher = REQUIRED.matcher(line);
                while (matcher.find()) {
                    required.add(matcher.group(1));
                }
            }
        }
        return required;
    }
}
