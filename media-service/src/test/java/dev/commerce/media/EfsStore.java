package dev.commerce.media;

import java.util.Map;

import io.quarkus.test.junit.QuarkusTestProfile;

/** The service on the EFS store (the test root is a fresh directory from the local-backends extension). */
public class EfsStore implements QuarkusTestProfile {

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("media.store", "efs", "media.efs.max-versions", "4");
    }
}
