package dev.commerce.media;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;

import jakarta.inject.Inject;

import org.junit.jupiter.api.Test;

import dev.commerce.media.config.MediaConfig;
import dev.commerce.media.store.MediaBucket;
import io.quarkus.test.junit.QuarkusTest;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.BucketVersioningStatus;

/** Both stores are real: s3proxy behind the S3 client, and a directory standing in for the EFS mount. */
@QuarkusTest
class MediaStoresRoundTripTest {

    @Inject
    S3Client s3;

    @Inject
    MediaBucket bucket;

    @Inject
    MediaConfig config;

    @Test
    void objectRoundTripsThroughTheVersionedBucket() {
        s3.putObject(b -> b.bucket(bucket.name()).key("round-trip/1"), RequestBody.fromString("hello"));

        assertThat(s3.getObjectAsBytes(b -> b.bucket(bucket.name()).key("round-trip/1")).asUtf8String()).isEqualTo("hello");
        assertThat(s3.getBucketVersioning(b -> b.bucket(bucket.name())).status()).isEqualTo(BucketVersioningStatus.ENABLED);
    }

    @Test
    void fileRoundTripsThroughTheEfsDirectory() throws Exception {
        Path file = config.efs().root().resolve("round-trip-1");
        Files.writeString(file, "hello");

        assertThat(Files.readString(file)).isEqualTo("hello");
    }
}
