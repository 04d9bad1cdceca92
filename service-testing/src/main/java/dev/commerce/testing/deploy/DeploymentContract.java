package dev.commerce.testing.deploy;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Path;
import java.util.Set;
import java.util.TreeSet;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

/**
 * The contract between the services and their deployment, {@code terraform/contracts/services.json}: the port every
 * container listens on and, per service, the variables its ECS task definition carries (Terraform fails a plan that
 * drifts from it), which of them are secrets and the Kubernetes Secret each secret comes from on EKS, and the
 * Kubernetes service account its IRSA role trusts.
 */
public final class DeploymentContract {

    public static final String FILE = "contracts/services.json";

    private final Path file;
    private final JsonNode root;

    private DeploymentContract(Path file, JsonNode root) {
        this.file = file;
        this.root = root;
    }

    /** {@code terraformDir/contracts/services.json}. */
    public static DeploymentContract read(Path terraformDir) {
        Path file = terraformDir.resolve(FILE);
        try {
            return new DeploymentContract(file, new ObjectMapper().readTree(file.toFile()));
        } catch (IOException e) {
            throw new UncheckedIOException("Cannot read " + file, e);
        }
    }

    public Path file() {
        return file;
    }

    public int containerPort() {
        return root.path("container_port").asInt();
    }

    /** Every variable the service's task definition may carry, plain or secret (some only in some deployments). */
    public Set<String> variableNames(String service) {
        Set<String> names = new TreeSet<>();
        variables(service).fieldNames().forEachRemaining(names::add);
        return names;
    }

    /** The Kubernetes Secrets the service's secret variables come from on EKS. */
    public Set<String> kubernetesSecrets(String service) {
        Set<String> secrets = new TreeSet<>();
        variables(service).forEach(variable -> {
            if (variable.hasNonNull("secret")) {
                secrets.add(variable.path("secret").asText());
            }
        });
        return secrets;
    }

    /** The Kubernetes service account the service runs as (the one its IRSA role trusts). */
    public String kubernetesServiceAccount(String service) {
        return service(service).path("kubernetes_service_account").asText();
    }

    private JsonNode variables(String service) {
        return service(service).path("variables");
    }

    private JsonNode service(String service) {
        JsonNode node = root.path("services").path(service);
        if (!node.isObject()) {
            throw new IllegalArgumentException("No service \"" + service + "\" in " + file);
        }
        return node;
    }
}
