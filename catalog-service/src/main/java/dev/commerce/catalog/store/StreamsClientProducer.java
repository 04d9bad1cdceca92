package dev.commerce.catalog.store;

import java.net.URI;
import java.util.Optional;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;

import org.eclipse.microprofile.config.inject.ConfigProperty;

import software.amazon.awssdk.auth.credentials.AwsBasicCredentials;
import software.amazon.awssdk.auth.credentials.AwsCredentialsProvider;
import software.amazon.awssdk.auth.credentials.DefaultCredentialsProvider;
import software.amazon.awssdk.auth.credentials.StaticCredentialsProvider;
import software.amazon.awssdk.http.urlconnection.UrlConnectionHttpClient;
import software.amazon.awssdk.regions.Region;
import software.amazon.awssdk.services.dynamodb.streams.DynamoDbStreamsClient;

/**
 * The DynamoDB Streams client, configured from the same quarkus.dynamodb.* endpoint, region and credentials as
 * the Quarkus-managed table clients (so DynamoDB Local in dev/test, the default credentials chain in AWS).
 */
@ApplicationScoped
public class StreamsClientProducer {

    @Produces
    @ApplicationScoped
    DynamoDbStreamsClient streams(
            @ConfigProperty(name = "quarkus.dynamodb.endpoint-override") Optional<URI> endpoint,
            @ConfigProperty(name = "quarkus.dynamodb.aws.region") String region,
            @ConfigProperty(name = "quarkus.dynamodb.aws.credentials.type") Optional<String> credentialsType,
            @ConfigProperty(name = "quarkus.dynamodb.aws.credentials.static-provider.access-key-id") Optional<String> accessKeyId,
            @ConfigProperty(name = "quarkus.dynamodb.aws.credentials.static-provider.secret-access-key") Optional<String> secretKey) {
        AwsCredentialsProvider credentials = credentialsType.filter("static"::equalsIgnoreCase).isPresent()
                ? StaticCredentialsProvider.create(AwsBasicCredentials.create(accessKeyId.orElseThrow(), secretKey.orElseThrow()))
                : DefaultCredentialsProvider.builder().build();
        var builder = DynamoDbStreamsClient.builder()
                .httpClientBuilder(UrlConnectionHttpClient.builder())
                .region(Region.of(region))
                .credentialsProvider(credentials);
        endpoint.ifPresent(builder::endpointOverride);
        return builder.build();
    }

    void close(@Disposes DynamoDbStreamsClient streams) {
        streams.close();
    }
}
