package dev.commerce.media.api;

import java.util.List;

import jakarta.inject.Inject;

import dev.commerce.media.StoreContents;
import dev.commerce.media.config.MediaConfig;
import io.quarkus.test.junit.QuarkusTest;
import software.amazon.awssdk.services.s3.S3Client;

/** The media-item contract on S3 (s3proxy, SigV4 checked). */
@QuarkusTest
class S3MediaItemsTest extends MediaItemsContract {

    @Inject
    S3Client s3;

    @Inject
    MediaConfig config;

    @Override
    protected List<String> stagingLeftovers() {
        return StoreContents.s3Leftovers(s3, config.bucket());
    }
}
