package dev.commerce.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.URI;
import java.net.URLDecoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;

import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

import com.sun.net.httpserver.HttpServer;

import dev.commerce.backends.ChildProcess;
import dev.commerce.backends.DevJwtKeys;
import dev.commerce.backends.DynamoDbLocal;
import dev.commerce.backends.LoopbackPorts;
import dev.commerce.testing.Readiness;

/**
 * The packaged service on EKS gets its AWS credentials through IRSA: the pod carries a projected service account
 * token (AWS_WEB_IDENTITY_TOKEN_FILE) and the role to assume (AWS_ROLE_ARN), and the default credentials chain trades
 * one for the other at STS. Here STS is a local HTTP server that records the exchange, and DynamoDB is DynamoDB Local:
 * the service becomes ready only if it assumed the role and signed its DynamoDB calls with what STS returned.
 */
class IrsaCredentialsIT {

    private static final String ROLE_ARN = "arn:aws:iam::123456789012:role/commerce-prod-catalog-service";
    // The temporary credentials the local STS hands out: generated per run, like every key in the tests.
    private static final String ACCESS_KEY = "ASIA" + randomToken(8).toUpperCase(Locale.ROOT);
    private static final String SECRET_KEY = randomToken(30);
    private static final String SESSION_TOKEN = randomToken(48);

    private static final List<Map<String, String>> stsCalls = new CopyOnWriteArrayList<>();
    private static HttpServer sts;
    private static DynamoDbLocal dynamodb;
    private static DevJwtKeys keys;
    private static ChildProcess service;
    private static Path tokenFile;
    private static String token;
    private static String url;

    @BeforeAll
    static void serviceWithWebIdentity() throws IOException {
        sts = HttpServer.create(new InetSocketAddress(LoopbackPorts.HOST, 0), 0);
        sts.createContext("/", exchange -> {
            String body = new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
            stsCalls.add(form(body));
            byte[] answer = assumedRole().getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "text/xml");
            exchange.sendResponseHeaders(200, answer.length);
            exchange.getResponseBody().write(answer);
            exchange.close();
        });
        sts.start();
        dynamodb = new DynamoDbLocal();
        dynamodb.start();
        keys = DevJwtKeys.temporary();

        Path dir = Files.createDirectories(Path.of("target", "irsa"));
        token = "eyJ.service-account-token." + UUID.randomUUID();
        tokenFile = Files.writeString(dir.resolve("token"), token);

        int port = LoopbackPorts.freePort();
        Map<String, String> env = new HashMap<>();
        env.put("PORT", Integer.toString(port));
        env.put("QUARKUS_HTTP_HOST", LoopbackPorts.HOST);
        env.put("JWT_PUBLIC_KEY_LOCATION", keys.publicKey().toUri().toString());
        env.put("CATALOG_TABLE", "irsa-" + UUID.randomUUID().toString().substring(0, 8));
        env.put("CATALOG_CREATE_TABLE", "true");
        env.put("AWS_REGION", "us-east-1");
        env.put("QUARKUS_DYNAMODB_ENDPOINT_OVERRIDE", dynamodb.endpoint());
        // What EKS injects into a pod whose service account carries eks.amazonaws.com/role-arn.
        env.put("AWS_WEB_IDENTITY_TOKEN_FILE", tokenFile.toAbsolutePath().toString());
        env.put("AWS_ROLE_ARN", ROLE_ARN);
        env.put("AWS_ROLE_SESSION_NAME", "catalog-service");
        env.put("AWS_ENDPOINT_URL_STS", "http://" + LoopbackPorts.HOST + ":" + sts.getAddress().getPort());
        service = new ChildProcess("catalog-service-irsa",
                List.of(ChildProcess.javaLauncher(), "-jar", System.getProperty("catalog-service.runner")),
                env, dir.toAbsolutePath());
        url = "http://" + LoopbackPorts.HOST + ":" + port;
        service.start(Duration.ofSeconds(90), () -> Readiness.isReady(url));
    }

    @AfterAll
    static void stop() {
        if (service != null) {
            service.stop();
        }
        if (dynamodb != null) {
            dynamodb.close();
        }
        if (sts != null) {
            sts.stop(0);
        }
        if (keys != null) {
            keys.delete();
        }
    }

    @Test
    void roleIsAssumedWithTheServiceAccountTokenAndItsCredentialsReachDynamoDb() {
        assertThat(stsCalls).as("calls to STS").isNotEmpty().allSatisfy(call -> {
            assertThat(call).containsEntry("Action", "AssumeRoleWithWebIdentity")
                    .containsEntry("RoleArn", ROLE_ARN)
                    .containsEntry("WebIdentityToken", token);
        });
        // Ready means the table check against DynamoDB answered, with requests signed by the assumed role's keys.
        assertThat(Readiness.isReady(url)).isTrue();
    }

    private static String assumedRole() {
        String expiration = Instant.now().plus(1, ChronoUnit.HOURS).truncatedTo(ChronoUnit.SECONDS).toString();
        return """
                <AssumeRoleWithWebIdentityResponse xmlns="https://sts.amazonaws.com/doc/2011-06-15/">
                  <AssumeRoleWithWebIdentityResult>
                    <Credentials>
                      <AccessKeyId>%s</AccessKeyId>
                      <SecretAccessKey>%s</SecretAccessKey>
                      <SessionToken>%s</SessionToken>
                      <Expiration>%s</Expiration>
                    </Credentials>
                    <SubjectFromWebIdentityToken>system:serviceaccount:commerce:catalog-service</SubjectFromWebIdentityToken>
                    <AssumedRoleUser>
                      <Arn>arn:aws:sts::123456789012:assumed-role/commerce-prod-catalog-service/catalog-service</Arn>
                      <AssumedRoleId>AROAIRSATEST:catalog-service</AssumedRoleId>
                    </AssumedRoleUser>
                  </AssumeRoleWithWebIdentityResult>
                  <ResponseMetadata><RequestId>%s</RequestId></ResponseMetadata>
                </AssumeRoleWithWebIdentityResponse>
                """.formatted(ACCESS_KEY, SECRET_KEY, SESSION_TOKEN, expiration, UUID.randomUUID());
    }

    private static Map<String, String> form(String body) {
        Map<String, String> fields = new HashMap<>();
        for (String pair : body.split("&")) {
            int eq = pair.indexOf('=');
            if (eq > 0) {
                fields.put(URLDecoder.decode(pair.substring(0, eq), StandardCharsets.UTF_8),
                        URLDecoder.decode(pair.substring(eq + 1), StandardCharsets.UTF_8));
            }
        }
        return fields;
    }

    private static String randomToken(int bytes) {
        byte[] random = new byte[bytes];
        new SecureRandom().nextBytes(random);
        return HexFormat.of().formatHex(random);
    }
}
