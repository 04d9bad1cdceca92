package dev.commerce.media.api;

import java.util.List;

import jakarta.inject.Inject;

import dev.commerce.media.EfsStore;
import dev.commerce.media.StoreContents;
import dev.commerce.media.config.MediaConfig;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The media-item contract on EFS (a real directory). */
@QuarkusTest
@TestProfile(EfsStore.class)
class EfsMediaItemsTest extends MediaItemsContract {

    @Inject
    MediaConfig config;

    @Override
    protected List<String> stagingLeftovers() {
        return StoreContents.efsLeftovers(config.efs().root());
    }
}
