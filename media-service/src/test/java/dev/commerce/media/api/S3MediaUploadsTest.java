package dev.commerce.media.api;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import jakarta.inject.Inject;

import dev.commerce.media.StoreContents;
import io.quarkus.test.junit.QuarkusTest;
import software.amazon.awssdk.services.s3.S3Client;

/** The upload contract on S3 (s3proxy, SigV4 checked). */
@QuarkusTest
class S3MediaUploadsTest extends MediaUploadsContract {

    @Inject
    S3Client s3;

    @Override
    protected List<String> stagingLeftovers() {
        return StoreContents.s3Leftovers(s3, config.bucket());
    }

    @Override
    protected void assertNothingOutsideTheStore() {
        assertThat(StoreContents.s3KeysOffScheme(s3, config.bucket())).isEmpty();
    }
}
