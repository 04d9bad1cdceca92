package dev.commerce.order;

import dev.commerce.testing.PlatformEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PlatformEndpointsTest extends PlatformEndpointsContract {

    @Override
    protected String storeCheckName() {
        return "Reactive PostgreSQL connections health check";
    }
}
