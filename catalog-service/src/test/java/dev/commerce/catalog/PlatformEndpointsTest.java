package dev.commerce.catalog;

import dev.commerce.testing.PlatformEndpointsContract;
import io.quarkus.test.junit.QuarkusTest;

@QuarkusTest
class PlatformEndpointsTest extends PlatformEndpointsContract {

    @Override
    protected String storeCheckName() {
        return "dynamodb";
    }
}
