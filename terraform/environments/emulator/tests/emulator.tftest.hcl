mock_provider "aws" {
  mock_data "aws_availability_zones" {
    defaults = { names = ["eu-west-1a", "eu-west-1b", "eu-west-1c"] }
  }
  mock_data "aws_region" {
    defaults = { name = "eu-west-1" }
  }
  mock_data "aws_caller_identity" {
    defaults = { account_id = "111122223333" }
  }
  mock_data "aws_partition" {
    defaults = { partition = "aws" }
  }
  mock_data "aws_secretsmanager_random_password" {
    defaults = { random_password = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ01" }
  }
}

# The master secret and order_app's login secret, distinct, so wiring the
# service to the master secret would show.
override_resource {
  target          = module.data_tier.module.aurora.aws_rds_cluster.this
  override_during = plan
  values = {
    endpoint           = "commerce-emu-orders.cluster-abc.eu-west-1.rds.amazonaws.com"
    master_user_secret = [{ secret_arn = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:rds!cluster-master-MaStEr", kms_key_id = "k", secret_status = "active" }]
  }
}

override_resource {
  target          = module.data_tier.module.aurora.aws_secretsmanager_secret.app_user
  override_during = plan
  values          = { arn = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:commerce-emu-orders/db-users/order_app-ApPuSr" }
}

variables {
  endpoint            = "http://127.0.0.1:45999"
  test_principal_arns = ["arn:aws:iam::111122223333:user/ci-admin"]
}

# The emulator: no ElastiCache (so no REDIS_AUTH_TOKEN, which the contract
# allows), task definitions without ECS services, roles the CI may assume.
run "emulator_environment" {
  command = plan

  assert {
    condition     = !contains(output.service_environment_names["session-service"], "REDIS_AUTH_TOKEN") && contains(output.service_environment_names["order-service"], "ORDER_DB_SECRET_ARN")
    error_message = "Emulator: no Redis AUTH token (no ElastiCache); order-service reads order_app's secret (no proxy)."
  }

  assert {
    condition = output.identity.client_scopes == {
      "order-service"   = sort(["commerce/reservations", "commerce/locks", "commerce/rate-limits", "commerce/carts", "commerce/trending"])
      "catalog-service" = sort(["commerce/snapshots", "commerce/media.read"])
      "session-service" = sort(["commerce/products.read"])
    }
    error_message = "One client per calling service with exactly its scopes (media-service calls nobody)."
  }

  assert {
    condition     = output.order_service_env.ORDER_DB_SECRET_ARN == "arn:aws:secretsmanager:eu-west-1:111122223333:secret:commerce-emu-orders/db-users/order_app-ApPuSr"
    error_message = "order-service reads order_app's secret, not the master secret."
  }

  assert {
    condition     = toset(keys(output.task_definitions)) == toset(["catalog-service", "order-service", "session-service", "media-service"])
    error_message = "Every service has its task definition on the emulator."
  }
}

run "oauth2_server_replaces_the_token_endpoint" {
  command = plan

  variables {
    oauth2_server = {
      issuer    = "http://127.0.0.1:4100/commerce"
      jwks_url  = "http://127.0.0.1:4100/commerce/jwks"
      token_url = "http://127.0.0.1:4100/commerce/token"
    }
  }

  assert {
    condition     = output.identity.token_url == "http://127.0.0.1:4100/commerce/token" && output.identity.issuer == "http://127.0.0.1:4100/commerce"
    error_message = "The local OAuth2 server's URLs go to the task definitions."
  }
}

run "rejects_non_loopback_endpoint" {
  command = plan

  variables {
    endpoint = "http://10.0.0.5:4566"
  }

  expect_failures = [var.endpoint]
}
