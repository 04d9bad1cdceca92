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
    endpoint           = "commerce-dev-orders.cluster-abc.eu-west-1.rds.amazonaws.com"
    master_user_secret = [{ secret_arn = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:rds!cluster-master-MaStEr", kms_key_id = "k", secret_status = "active" }]
  }
}

override_resource {
  target          = module.data_tier.module.aurora.aws_secretsmanager_secret.app_user
  override_during = plan
  values          = { arn = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:commerce-dev-orders/db-users/order_app-ApPuSr" }
}

variables {
  image_tag = "1.4.2"
}

# dev: small and cheap, no RDS Proxy: order-service logs in as order_app with
# the password of order_app's own secret; protections that block a teardown are off.
run "dev_environment" {
  command = plan

  assert {
    condition = output.services.environment_names == {
      "catalog-service" = sort(["AWS_REGION", "CATALOG_TABLE", "CURSOR_SIGNING_KEY", "JWT_GROUPS_CLAIM", "JWT_ISSUER", "JWT_PUBLIC_KEY_LOCATION", "MEDIA_URL", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_TOKEN_URL", "OTEL_TRACES_EXPORTER", "PORT", "SESSION_URL"])
      "order-service"   = sort(["AWS_REGION", "CATALOG_URL", "CURSOR_SIGNING_KEY", "JWT_GROUPS_CLAIM", "JWT_ISSUER", "JWT_PUBLIC_KEY_LOCATION", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_TOKEN_URL", "ORDER_DB_IAM_AUTH", "ORDER_DB_READER_URL", "ORDER_DB_URL", "ORDER_DB_USERNAME", "OTEL_TRACES_EXPORTER", "PORT", "SESSION_URL", "ORDER_DB_SECRET_ARN"])
      "session-service" = sort(["CATALOG_URL", "CURSOR_SIGNING_KEY", "JWT_GROUPS_CLAIM", "JWT_ISSUER", "JWT_PUBLIC_KEY_LOCATION", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_TOKEN_URL", "OTEL_TRACES_EXPORTER", "PORT", "REDIS_AUTH_TOKEN", "REDIS_CLIENT_TYPE", "REDIS_URL"])
      "media-service"   = sort(["AWS_REGION", "CURSOR_SIGNING_KEY", "JWT_GROUPS_CLAIM", "JWT_ISSUER", "JWT_PUBLIC_KEY_LOCATION", "MEDIA_BUCKET", "MEDIA_KMS_KEY_ID", "MEDIA_STORE", "OTEL_TRACES_EXPORTER", "PORT"])
    }
    error_message = "The task definitions carry exactly the variables of the contract."
  }

  assert {
    condition     = output.services.environment["order-service"].ORDER_DB_USERNAME == "order_app" && output.services.environment["order-service"].ORDER_DB_IAM_AUTH == "false" && output.services.environment["order-service"].ORDER_DB_SECRET_ARN == "arn:aws:secretsmanager:eu-west-1:111122223333:secret:commerce-dev-orders/db-users/order_app-ApPuSr"
    error_message = "dev: order-service logs in as order_app with order_app's secret, never the master secret."
  }

  assert {
    condition     = output.services.order_db_migration_task.family == "commerce-dev-order-db-migration"
    error_message = "dev has the one-shot migration task."
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
    condition     = !output.data_tier.store_protection.order_db.deletion_protection && output.data_tier.store_protection.order_db.instance_class == "db.serverless" && output.data_tier.store_protection.order_db.backup_retention_period == 1
    error_message = "dev: one Serverless v2 writer, one day of backups, no deletion protection."
  }

  assert {
    condition     = output.data_tier.store_protection.catalog_table.point_in_time_recovery_enabled && output.data_tier.store_protection.media_bucket.sse_algorithm == "aws:kms" && output.data_tier.store_protection.media_bucket.access_logged && output.data_tier.store_protection.session_redis.transit_encryption_enabled
    error_message = "dev keeps PITR, SSE-KMS, access logs and Redis TLS."
  }

  assert {
    condition     = length(output.data_tier.alarm_actions) == 1
    error_message = "dev alarms notify the environment's topic."
  }
}
