package dev.commerce.order.support;

import java.util.List;

import io.quarkus.test.junit.QuarkusTestProfile;

/** Runs the application against {@link OwnPostgresResource}. */
public class OwnPostgresProfile implements QuarkusTestProfile {

    @Override
    public List<TestResourceEntry> testResources() {
        return List.of(new TestResourceEntry(OwnPostgresResource.class));
    }
}
