package dev.commerce.testing.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class DeploymentContractTest {

    @Test
    void variablesSecretsAndServiceAccountOfAService(@TempDir Path terraform) throws IOException {
        Files.createDirectories(terraform.resolve("contracts"));
        Files.writeString(terraform.resolve(DeploymentContract.FILE), """
                {
                  "container_port": 8181,
                  "services": {
                    "shop": {
                      "kubernetes_service_account": "shop-sa",
                      "variables": {
                        "SHOP_TABLE": {},
                        "SHOP_KEY": { "secret": "commerce-secrets" },
                        "SHOP_TOKEN": { "secret": "shop-secrets", "when": "only with the token store" },
                        "SHOP_ROOT": { "when": "only on EFS" }
                      }
                    }
                  }
                }
                """);
        DeploymentContract contract = DeploymentContract.read(terraform);
        assertThat(contract.containerPort()).isEqualTo(8181);
        assertThat(contract.variableNames("shop")).containsExactly("SHOP_KEY", "SHOP_ROOT", "SHOP_TABLE", "SHOP_TOKEN");
        assertThat(contract.kubernetesSecrets("shop")).containsExactly("commerce-secrets", "shop-secrets");
        assertThat(contract.kubernetesServiceAccount("shop")).isEqualTo("shop-sa");
        assertThatThrownBy(() -> contract.variableNames("missing")).hasMessageContaining("\"missing\"");
    }

    /** The repository's own contract, the one Terraform checks its task definitions against. */
    @Test
    void repositoryContractNamesTheFourServicesAndTheirIdentity() {
        DeploymentContract contract = DeploymentContract.read(Path.of("../terraform"));
        assertThat(contract.containerPort()).isEqualTo(8080);
        for (String service : new String[] { "catalog-service", "order-service", "session-service", "media-service" }) {
            assertThat(contract.variableNames(service)).as(service)
                    .contains("JWT_ISSUER", "JWT_PUBLIC_KEY_LOCATION", "JWT_GROUPS_CLAIM", "CURSOR_SIGNING_KEY", "PORT")
                    .doesNotContain("SERVICE_TOKEN");
            assertThat(contract.kubernetesServiceAccount(service)).isEqualTo(service);
        }
        assertThat(contract.variableNames("order-service")).contains("OIDC_TOKEN_URL", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET");
        assertThat(contract.variableNames("media-service")).noneMatch(name -> name.startsWith("OIDC_"));
        assertThat(contract.kubernetesSecrets("catalog-service")).containsExactly("catalog-service-secrets", "commerce-secrets");
    }
}
