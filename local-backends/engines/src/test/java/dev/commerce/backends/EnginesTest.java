package dev.commerce.backends;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.net.URI;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.util.List;
import java.util.Optional;

import org.junit.jupiter.api.Test;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.core.sync.RequestBody;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.DynamoDbClient;
import software.amazon.awssdk.services.dynamodb.model.AttributeDefinition;
import software.amazon.awssdk.services.dynamodb.model.AttributeValue;
import software.amazon.awssdk.services.dynamodb.model.BillingMode;
import software.amazon.awssdk.services.dynamodb.model.KeySchemaElement;
import software.amazon.awssdk.services.dynamodb.model.KeyType;
import software.amazon.awssdk.services.dynamodb.model.ScalarAttributeType;
import software.amazon.awssdk.services.s3.S3Client;
import software.amazon.awssdk.services.s3.model.S3Exception;

class EnginesTest {

    @Test
    void dynamoDbLocalStoresAndReadsAnItem() {
        try (DynamoDbLocal engine = new DynamoDbLocal()) {
            engine.start();
            try (DynamoDbClient client = DynamoDbClient.builder()
                    .endpointOverride(URI.create(engine.endpoint()))
                    .region(Region.US_EAST_1)
                    .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create("a", "b")))
                    .httpClient(UrlConnectionHttpClient.create())
                    .build()) {
                client.createTable(b -> b.tableName("engine-test").billingMode(BillingMode.PAY_PER_REQUEST)
                        .attributeDefinitions(AttributeDefinition.builder().attributeName("PK").attributeType(ScalarAttributeType.S).build())
                        .keySchema(KeySchemaElement.builder().attributeName("PK").keyType(KeyType.HASH).build()));
                client.putItem(b -> b.tableName("engine-test").item(java.util.Map.of(
                        "PK", AttributeValue.fromS("k1"), "v", AttributeValue.fromS("hello"))));
                var item = client.getItem(b -> b.tableName("engine-test").key(java.util.Map.of("PK", AttributeValue.fromS("k1")))).item();
                assertThat(item.get("v").s()).isEqualTo("hello");
            }
        }
    }

    @Test
    void postgresKeepsDataAcrossRestart() throws Exception {
        try (Postgres engine = new Postgres()) {
            engine.start();
            assertThat(PortHolder.isHeldBy(engine.port(), ProcessHandle.current()))
                    .as("the server is a child of this process, not a daemon").isTrue();
            try (Connection c = DriverManager.getConnection(engine.jdbcUrl(), engine.username(), engine.password())) {
                c.createStatement().execute("create table t(v text); insert into t values ('kept')");
            }
            engine.restart();
            try (Connection c = DriverManager.getConnection(engine.jdbcUrl(), engine.username(), engine.password());
                 ResultSet rs = c.createStatement().executeQuery("select v from t")) {
                assertThat(rs.next()).isTrue();
                assertThat(rs.getString(1)).isEqualTo("kept");
            }
        }
    }

    @Test
    void redisAnswersOnItsPortAcrossRestartAndEnforcesAuth() {
        try (Redis engine = new Redis(LoopbackPorts.freePort(), Optional.of("s3cret-" + System.nanoTime()), List.of())) {
            engine.start();
            engine.command("SET", "k", "v");
            assertThat(engine.command("GET", "k")).isEqualTo("v");
            int port = engine.port();
            engine.restart();
            assertThat(engine.port()).isEqualTo(port);
            assertThat(engine.command("PING")).isEqualTo("PONG");
            assertThatThrownBy(() -> RespConnection.call(port, Optional.empty(), "GET", "k"))
                    .hasMessageContaining("NOAUTH");
        }
    }

    @Test
    void s3ProxyStoresObjectsAndRejectsWrongCredentials() {
        try (S3Proxy engine = new S3Proxy()) {
            engine.start();
            try (S3Client s3 = s3(engine, engine.accessKeyId(), engine.secretAccessKey())) {
                s3.createBucket(b -> b.bucket("engine-test"));
                s3.putObject(b -> b.bucket("engine-test").key("a.txt"), RequestBody.fromString("hello"));
                assertThat(s3.getObjectAsBytes(b -> b.bucket("engine-test").key("a.txt")).asUtf8String()).isEqualTo("hello");
            }
            try (S3Client wrong = s3(engine, engine.accessKeyId(), "not-the-secret")) {
                assertThatThrownBy(() -> wrong.listBuckets()).isInstanceOf(S3Exception.class);
            }
        }
    }

    @Test
    void efsDirectoryIsRemovedOnClose() throws Exception {
        EfsDirectory efs = new EfsDirectory();
        Files.writeString(efs.root().resolve("f"), "x");
        assertThat(efs.isRunning()).isTrue();
        efs.close();
        assertThat(Files.exists(efs.root())).isFalse();
    }

    @Test
    void jwtKeysAreGeneratedOnceAndReused() throws Exception {
        var dir = Files.createTempDirectory("jwt");
        DevJwtKeys first = DevJwtKeys.in(dir);
        String publicPem = Files.readString(first.publicKey());
        assertThat(publicPem).startsWith("-----BEGIN PUBLIC KEY-----");
        assertThat(Files.readString(DevJwtKeys.in(dir).publicKey())).isEqualTo(publicPem);
        assertThat(Files.getPosixFilePermissions(first.privateKey()).toString()).isEqualTo("[OWNER_READ, OWNER_WRITE]");
    }

    private static S3Client s3(S3Proxy engine, String key, String secret) {
        return S3Client.builder()
                .endpointOverride(URI.create(engine.endpoint()))
                .region(Region.US_EAST_1)
                .forcePathStyle(true)
                .credentialsProvider(StaticCredentialsProvider.create(AwsBasicCredentials.create(key, secret)))
                .httpClient(UrlConnectionHttpClient.create())
                .build();
    }
}
