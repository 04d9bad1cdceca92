package dev.commerce.testing.deploy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TerraformEnvironmentTest {

    @TempDir
    Path terraform;

    @BeforeEach
    void environment() throws IOException {
        Path env = Files.createDirectories(terraform.resolve("environments/prod"));
        Path module = Files.createDirectories(terraform.resolve("modules/commerce-data-tier"));
        Files.writeString(module.resolve("outputs.tf"), """
                output "shop_env" {
                  description = "Not a key: SOME_NAME is only mentioned."
                  value = {
                    SHOP_TABLE = module.table.name # TABLE_COMMENT = ignored
                    AWS_REGION = data.aws_region.current.name
                  }
                }

                output "shop_secrets" {
                  value = var.enabled ? { SHOP_PASSWORD = module.db.secret_arn } : {}
                }
                """);
        Files.writeString(env.resolve("services.tf"), """
                locals {
                  svc_port = 8080
                  svc_url  = { for s in ["shop"] : s => "http://${s}:${local.svc_port}" }
                  common_env = {
                    JWT_ISSUER = var.jwt_issuer
                    // LEGACY_NAME = "commented out"
                  }
                  common_secrets = merge(var.token == null ? {} : { SERVICE_TOKEN = var.token })
                  svc = {
                    "shop" = {
                      environment = merge(local.common_env, module.data_tier.shop_env, {
                        PEER_URL = local.svc_url["shop"]
                      })
                      secrets  = merge(local.common_secrets, module.data_tier.shop_secrets)
                      kms_keys = [for k in var.keys : k if k == "UNUSED_NAME"]
                    }
                    "other" = {
                      environment = { OTHER_ONLY = "x" }
                      secrets     = {}
                    }
                  }
                }

                module "irsa" {
                  service_accounts = {
                    for s in local.svc_names : s => {
                      service_account = s
                    }
                  }
                }

                output "service_environment_names" {
                  value = { for k, v in local.svc : k => sort(concat(keys(v.environment), keys(v.secrets), ["PORT"])) }
                }
                """);
    }

    @Test
    void namesFollowLocalsAndModuleOutputsOfTheService() {
        TerraformEnvironment env = TerraformEnvironment.of(terraform, "prod");
        assertThat(env.variableNames("shop")).containsExactlyInAnyOrder("JWT_ISSUER", "SHOP_TABLE", "AWS_REGION",
                "PEER_URL", "SERVICE_TOKEN", "SHOP_PASSWORD", "PORT");
        assertThat(env.variableNames("other")).containsExactlyInAnyOrder("OTHER_ONLY", "PORT");
    }

    @Test
    void plainLocalsAndTheIrsaServiceAccountAreRead() {
        TerraformEnvironment env = TerraformEnvironment.of(terraform, "prod");
        assertThat(env.localValue("svc_port")).contains("8080");
        assertThat(env.irsaServiceAccountExpression()).contains("s");
    }

    @Test
    void unknownServiceIsAnError() {
        TerraformEnvironment env = TerraformEnvironment.of(terraform, "prod");
        assertThatThrownBy(() -> env.variableNames("missing")).hasMessageContaining("\"missing\"");
    }
}
