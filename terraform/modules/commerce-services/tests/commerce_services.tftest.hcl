# Plan tests of the services of an environment: every task definition carries
# exactly what the contract (terraform/contracts/services.json) names, each
# service its own client and secrets, and order-service never the master secret.

mock_provider "aws" {
  mock_data "aws_region" {
    defaults = { name = "eu-west-1" }
  }
  mock_data "aws_caller_identity" {
    defaults = { account_id = "111122223333" }
  }
  mock_data "aws_partition" {
    defaults = { partition = "aws" }
  }
  mock_resource "aws_cloudwatch_log_group" {
    override_during = plan
    defaults        = { arn = "arn:aws:logs:eu-west-1:111122223333:log-group:/ecs/commerce-test" }
  }
  mock_resource "aws_ecs_cluster" {
    override_during = plan
    defaults        = { arn = "arn:aws:ecs:eu-west-1:111122223333:cluster/commerce-test" }
  }
}

override_resource {
  target          = module.ecr.aws_ecr_repository.this["catalog-service"]
  override_during = plan
  values          = { repository_url = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/commerce-test/catalog-service", arn = "arn:aws:ecr:eu-west-1:111122223333:repository/commerce-test/catalog-service" }
}

override_resource {
  target          = module.ecr.aws_ecr_repository.this["order-service"]
  override_during = plan
  values          = { repository_url = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/commerce-test/order-service", arn = "arn:aws:ecr:eu-west-1:111122223333:repository/commerce-test/order-service" }
}

override_resource {
  target          = module.ecr.aws_ecr_repository.this["session-service"]
  override_during = plan
  values          = { repository_url = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/commerce-test/session-service", arn = "arn:aws:ecr:eu-west-1:111122223333:repository/commerce-test/session-service" }
}

override_resource {
  target          = module.ecr.aws_ecr_repository.this["media-service"]
  override_during = plan
  values          = { repository_url = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/commerce-test/media-service", arn = "arn:aws:ecr:eu-west-1:111122223333:repository/commerce-test/media-service" }
}

override_resource {
  target          = aws_secretsmanager_secret.cursor_signing_key
  override_during = plan
  values          = { arn = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:commerce-test/cursor-signing-key-CuRsOr", id = "cursor" }
}

# Distinct role ARNs: the service's roles and the migration task's must not be confused.
override_resource {
  target          = module.service["order-service"].aws_iam_role.task
  override_during = plan
  values          = { arn = "arn:aws:iam::111122223333:role/commerce-test-order-service-task" }
}

override_resource {
  target          = module.order_db_migration.aws_iam_role.task
  override_during = plan
  values          = { arn = "arn:aws:iam::111122223333:role/commerce-test-order-db-migration-task" }
}

override_resource {
  target          = aws_kms_key.secrets
  override_during = plan
  values          = { arn = "arn:aws:kms:eu-west-1:111122223333:key/cccccccc-0000-0000-0000-00000000app0", key_id = "cccccccc-0000-0000-0000-00000000app0" }
}

variables {
  name      = "commerce-test"
  image_tag = "1.4.2"
  sizing    = { cpu = 512, memory = 1024, min_tasks = 1, max_tasks = 2, log_retention_days = 30 }

  identity = {
    receiver_env = {
      JWT_ISSUER              = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEfGhI"
      JWT_PUBLIC_KEY_LOCATION = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEfGhI/.well-known/jwks.json"
      JWT_GROUPS_CLAIM        = "cognito:groups"
    }
    client_env = {
      "order-service"   = { OIDC_TOKEN_URL = "https://commerce-test.auth.eu-west-1.amazoncognito.com/oauth2/token", OIDC_CLIENT_ID = "order0client" }
      "catalog-service" = { OIDC_TOKEN_URL = "https://commerce-test.auth.eu-west-1.amazoncognito.com/oauth2/token", OIDC_CLIENT_ID = "catalog0client" }
      "session-service" = { OIDC_TOKEN_URL = "https://commerce-test.auth.eu-west-1.amazoncognito.com/oauth2/token", OIDC_CLIENT_ID = "session0client" }
    }
    client_secrets = {
      "order-service"   = { OIDC_CLIENT_SECRET = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:commerce-test/oauth-clients/order-service-OrDeR1" }
      "catalog-service" = { OIDC_CLIENT_SECRET = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:commerce-test/oauth-clients/catalog-service-CaTaL1" }
      "session-service" = { OIDC_CLIENT_SECRET = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:commerce-test/oauth-clients/session-service-SeSsI1" }
    }
    kms_key_arn = "arn:aws:kms:eu-west-1:111122223333:key/dddddddd-0000-0000-0000-0000identity0"
  }

  data_tier = {
    vpc_id             = "vpc-0123456789abcdef0"
    private_subnet_ids = ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0bbbbbbbbbbbbbbb2"]
    public_subnet_ids  = ["subnet-0ccccccccccccccc3", "subnet-0ddddddddddddddd4"]
    service_security_group_ids = {
      "catalog-service" = "sg-0catalog000000001"
      "order-service"   = "sg-0order0000000001"
      "session-service" = "sg-0session00000001"
      "media-service"   = "sg-0media0000000001"
    }
    service_policy_arns = {
      "catalog-service" = "arn:aws:iam::111122223333:policy/commerce-test-catalog-service"
      "order-service"   = "arn:aws:iam::111122223333:policy/commerce-test-order-service"
      "session-service" = "arn:aws:iam::111122223333:policy/commerce-test-session-service"
      "media-service"   = "arn:aws:iam::111122223333:policy/commerce-test-media-service"
    }
    service_env = {
      "catalog-service" = { CATALOG_TABLE = "commerce-test-catalog", AWS_REGION = "eu-west-1" }
      "order-service" = {
        ORDER_DB_URL        = "postgresql://commerce-test-orders.cluster-abc.eu-west-1.rds.amazonaws.com:5432/orders"
        ORDER_DB_READER_URL = "postgresql://commerce-test-orders.cluster-ro-abc.eu-west-1.rds.amazonaws.com:5432/orders"
        ORDER_DB_USERNAME   = "order_app"
        ORDER_DB_IAM_AUTH   = "false"
        ORDER_DB_SECRET_ARN = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:commerce-test-orders/db-users/order_app-ApPuSr"
        AWS_REGION          = "eu-west-1"
      }
      "session-service" = { REDIS_URL = "rediss://sessions.abc.cache.amazonaws.com:6379", REDIS_CLIENT_TYPE = "standalone" }
      "media-service"   = { MEDIA_STORE = "s3", MEDIA_BUCKET = "commerce-test-media-111122223333", MEDIA_KMS_KEY_ID = "arn:aws:kms:eu-west-1:111122223333:key/eeeeeeee-0000-0000-0000-0000000media0", AWS_REGION = "eu-west-1" }
    }
    service_secrets = {
      "catalog-service" = {}
      "order-service"   = {}
      "session-service" = { REDIS_AUTH_TOKEN = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:commerce-test-sessions/redis-auth-token-ReDiS1" }
      "media-service"   = {}
    }
    service_secret_kms_key_arns = {
      "catalog-service" = []
      "order-service"   = []
      "session-service" = ["arn:aws:kms:eu-west-1:111122223333:key/ffffffff-0000-0000-0000-0000000redis"]
      "media-service"   = []
    }
    media_efs = null
    order_db_migration = {
      url              = "postgresql://commerce-test-orders.cluster-abc.eu-west-1.rds.amazonaws.com:5432/orders"
      owner_secret_arn = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:rds!cluster-master-MaStEr"
      app_username     = "order_app"
      app_secret_arn   = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:commerce-test-orders/db-users/order_app-ApPuSr"
      kms_key_arn      = "arn:aws:kms:eu-west-1:111122223333:key/99999999-0000-0000-0000-00000000rds0"
    }
  }
}

run "task_definitions_carry_exactly_the_contract" {
  command = plan

  assert {
    condition = output.service_environment_names == {
      "catalog-service" = sort(["AWS_REGION", "CATALOG_TABLE", "CURSOR_SIGNING_KEY", "JWT_GROUPS_CLAIM", "JWT_ISSUER", "JWT_PUBLIC_KEY_LOCATION", "MEDIA_URL", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_TOKEN_URL", "OTEL_TRACES_EXPORTER", "PORT", "SESSION_URL"])
      "order-service"   = sort(["AWS_REGION", "CATALOG_URL", "CURSOR_SIGNING_KEY", "JWT_GROUPS_CLAIM", "JWT_ISSUER", "JWT_PUBLIC_KEY_LOCATION", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_TOKEN_URL", "ORDER_DB_IAM_AUTH", "ORDER_DB_READER_URL", "ORDER_DB_SECRET_ARN", "ORDER_DB_URL", "ORDER_DB_USERNAME", "OTEL_TRACES_EXPORTER", "PORT", "SESSION_URL"])
      "session-service" = sort(["CATALOG_URL", "CURSOR_SIGNING_KEY", "JWT_GROUPS_CLAIM", "JWT_ISSUER", "JWT_PUBLIC_KEY_LOCATION", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_TOKEN_URL", "OTEL_TRACES_EXPORTER", "PORT", "REDIS_AUTH_TOKEN", "REDIS_CLIENT_TYPE", "REDIS_URL"])
      "media-service"   = sort(["AWS_REGION", "CURSOR_SIGNING_KEY", "JWT_GROUPS_CLAIM", "JWT_ISSUER", "JWT_PUBLIC_KEY_LOCATION", "MEDIA_BUCKET", "MEDIA_KMS_KEY_ID", "MEDIA_STORE", "OTEL_TRACES_EXPORTER", "PORT"])
    }
    error_message = "Each task definition must carry exactly the variables of the contract."
  }

  assert {
    condition     = alltrue([for s, c in output.container_definitions : !strcontains(c, "SERVICE_TOKEN")])
    error_message = "SERVICE_TOKEN is gone: services authenticate with OAuth2 client credentials."
  }
}

run "each_service_gets_its_own_client_and_secrets" {
  command = plan

  assert {
    condition = {
      for s in ["catalog-service", "order-service", "session-service"] : s => [
        one([for e in jsondecode(output.container_definitions[s]).environment : e.value if e.name == "OIDC_CLIENT_ID"]),
        one([for e in jsondecode(output.container_definitions[s]).secrets : e.valueFrom if e.name == "OIDC_CLIENT_SECRET"]),
      ]
      } == {
      "catalog-service" = ["catalog0client", "arn:aws:secretsmanager:eu-west-1:111122223333:secret:commerce-test/oauth-clients/catalog-service-CaTaL1"]
      "order-service"   = ["order0client", "arn:aws:secretsmanager:eu-west-1:111122223333:secret:commerce-test/oauth-clients/order-service-OrDeR1"]
      "session-service" = ["session0client", "arn:aws:secretsmanager:eu-west-1:111122223333:secret:commerce-test/oauth-clients/session-service-SeSsI1"]
    }
    error_message = "Every calling service must get its own client ID and its own client secret."
  }

  assert {
    condition     = toset([for s in jsondecode(output.execution_role_policies["catalog-service"]).Statement : s if s.Sid == "Secrets"][0].Resource) == toset(["arn:aws:secretsmanager:eu-west-1:111122223333:secret:commerce-test/cursor-signing-key-CuRsOr", "arn:aws:secretsmanager:eu-west-1:111122223333:secret:commerce-test/oauth-clients/catalog-service-CaTaL1"])
    error_message = "catalog-service's execution role reads exactly its own secrets."
  }

  assert {
    condition     = toset([for s in jsondecode(output.execution_role_policies["catalog-service"]).Statement : s if s.Sid == "SecretKeys"][0].Resource) == toset(["arn:aws:kms:eu-west-1:111122223333:key/cccccccc-0000-0000-0000-00000000app0", "arn:aws:kms:eu-west-1:111122223333:key/dddddddd-0000-0000-0000-0000identity0"])
    error_message = "catalog-service's execution role decrypts with the keys of its secrets only."
  }

  assert {
    condition     = one([for e in jsondecode(output.container_definitions["media-service"]).environment : e.value if e.name == "JWT_GROUPS_CLAIM"]) == "cognito:groups" && length([for e in jsondecode(output.container_definitions["media-service"]).environment : e if startswith(e.name, "OIDC_")]) == 0
    error_message = "media-service verifies tokens like every service but calls nobody: no client."
  }

  assert {
    condition     = one([for e in jsondecode(output.container_definitions["session-service"]).secrets : e.valueFrom if e.name == "REDIS_AUTH_TOKEN"]) == "arn:aws:secretsmanager:eu-west-1:111122223333:secret:commerce-test-sessions/redis-auth-token-ReDiS1"
    error_message = "session-service gets the Redis AUTH token as a secret."
  }

  assert {
    condition     = jsondecode(output.container_definitions["catalog-service"]).image == "111122223333.dkr.ecr.eu-west-1.amazonaws.com/commerce-test/catalog-service:1.4.2"
    error_message = "The image is the service's own repository at image_tag."
  }
}

run "migration_task_runs_as_the_owner_and_the_service_never_sees_the_master_secret" {
  command = plan

  assert {
    condition = { for e in jsondecode(output.container_definitions["order-db-migration"]).secrets : e.name => e.valueFrom } == {
      ORDER_DB_OWNER_USERNAME = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:rds!cluster-master-MaStEr:username::"
      ORDER_DB_OWNER_PASSWORD = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:rds!cluster-master-MaStEr:password::"
      ORDER_DB_APP_PASSWORD   = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:commerce-test-orders/db-users/order_app-ApPuSr:password::"
    }
    error_message = "The migration task logs in as the owner (master secret) and sets order_app's password from order_app's secret."
  }

  assert {
    condition = { for e in jsondecode(output.container_definitions["order-db-migration"]).environment : e.name => e.value if startswith(e.name, "ORDER_DB_MIGRAT") || e.name == "ORDER_DB_APP_USERNAME" } == {
      ORDER_DB_MIGRATE_AND_EXIT = "true"
      ORDER_DB_MIGRATION_URL    = "postgresql://commerce-test-orders.cluster-abc.eu-west-1.rds.amazonaws.com:5432/orders"
      ORDER_DB_APP_USERNAME     = "order_app"
    }
    error_message = "The migration task migrates and exits, against the cluster's writer (not the proxy)."
  }

  assert {
    condition     = jsondecode(output.container_definitions["order-db-migration"]).image == jsondecode(output.container_definitions["order-service"]).image && !contains(keys(jsondecode(output.container_definitions["order-db-migration"])), "healthCheck")
    error_message = "The migration task runs order-service's image, without a health check."
  }

  assert {
    condition     = !strcontains(output.container_definitions["order-service"], "rds!cluster-master") && !strcontains(output.execution_role_policies["order-service"], "rds!cluster-master")
    error_message = "order-service's task definition and execution role must not touch the master secret."
  }

  assert {
    condition     = output.task_definitions["order-service"].task_role_arn == "arn:aws:iam::111122223333:role/commerce-test-order-service-task" && output.order_db_migration_task.task_role_arn == "arn:aws:iam::111122223333:role/commerce-test-order-db-migration-task" && output.order_db_migration_task.security_group_id == "sg-0order0000000001"
    error_message = "The migration task has roles of its own and runs with order-service's security group (the one the database admits)."
  }
}

run "task_definitions_without_services" {
  command = plan

  variables {
    deploy_ecs_services = false
  }

  assert {
    condition     = length(output.task_definitions) == 4 && alltrue([for s, m in module.service : m.service_name == null])
    error_message = "Without ECS services the task definitions and roles still exist (EKS, first apply, emulator)."
  }
}

run "irsa_roles_read_only_their_secrets" {
  command = plan

  variables {
    eks = {
      oidc_provider_arn = "arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE"
      oidc_provider_url = "https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE"
    }
  }

  assert {
    condition     = toset(keys(output.irsa_role_arns)) == toset(["catalog-service", "order-service", "session-service", "media-service"])
    error_message = "One IRSA role per service."
  }
}

run "drift_from_the_contract_fails_the_plan" {
  command = plan

  variables {
    data_tier = merge(var.data_tier, {
      service_env = merge(var.data_tier.service_env, { "catalog-service" = { CATALOG_TABLE = "t", AWS_REGION = "eu-west-1", CATALOG_TABLE_NAME = "misspelt" } })
    })
  }

  expect_failures = [output.service_environment_names]
}

run "rejects_snapshot_image_tag" {
  command = plan

  variables {
    image_tag = "1.0.0-SNAPSHOT"
  }

  expect_failures = [var.image_tag]
}
