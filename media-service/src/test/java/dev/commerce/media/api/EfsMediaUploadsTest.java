package dev.commerce.media.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import dev.commerce.media.EfsStore;
import dev.commerce.media.StoreContents;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;

/** The upload contract on EFS (a real directory). */
@QuarkusTest
@TestProfile(EfsStore.class)
class EfsMediaUploadsTest extends MediaUploadsContract {

    @Override
    protected List<String> stagingLeftovers() {
        return StoreContents.efsLeftovers(config.efs().root());
    }

    @Override
    protected void assertNothingOutsideTheStore() {
        assertThat(StoreContents.efsPathsOffScheme(config.efs().root())).isEmpty();
    }
}
