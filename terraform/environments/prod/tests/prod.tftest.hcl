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
    endpoint           = "commerce-prod-orders.cluster-abc.eu-west-1.rds.amazonaws.com"
    master_user_secret = [{ secret_arn = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:rds!cluster-master-MaStEr", kms_key_id = "k", secret_status = "active" }]
  }
}

override_resource {
  target          = module.data_tier.module.aurora.aws_secretsmanager_secret.app_user
  override_during = plan
  values          = { arn = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:commerce-prod-orders/db-users/order_app-ApPuSr" }
}

variables {
  image_tag = "1.4.2"
}

override_resource {
  target          = module.data_tier.module.aurora.aws_db_proxy.this
  override_during = plan
  values          = { arn = "arn:aws:rds:eu-west-1:111122223333:db-proxy:prx-0123456789abcdef0", endpoint = "commerce-prod-orders.proxy-abc.eu-west-1.rds.amazonaws.com" }
}

# prod: RDS Proxy with IAM authentication as order_app, Multi-AZ, deletion
# protection and long backups everywhere.
run "prod_environment" {
  command = plan

  assert {
    condition = output.services.environment_names == {
      "catalog-service" = sort(["AWS_REGION", "CATALOG_TABLE", "CURSOR_SIGNING_KEY", "JWT_GROUPS_CLAIM", "JWT_ISSUER", "JWT_PUBLIC_KEY_LOCATION", "MEDIA_URL", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_TOKEN_URL", "OTEL_TRACES_EXPORTER", "PORT", "SESSION_URL"])
      "order-service"   = sort(["AWS_REGION", "CATALOG_URL", "CURSOR_SIGNING_KEY", "JWT_GROUPS_CLAIM", "JWT_ISSUER", "JWT_PUBLIC_KEY_LOCATION", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_TOKEN_URL", "ORDER_DB_IAM_AUTH", "ORDER_DB_READER_URL", "ORDER_DB_URL", "ORDER_DB_USERNAME", "OTEL_TRACES_EXPORTER", "PORT", "SESSION_URL"])
      "session-service" = sort(["CATALOG_URL", "CURSOR_SIGNING_KEY", "JWT_GROUPS_CLAIM", "JWT_ISSUER", "JWT_PUBLIC_KEY_LOCATION", "OIDC_CLIENT_ID", "OIDC_CLIENT_SECRET", "OIDC_TOKEN_URL", "OTEL_TRACES_EXPORTER", "PORT", "REDIS_AUTH_TOKEN", "REDIS_CLIENT_TYPE", "REDIS_URL"])
      "media-service"   = sort(["AWS_REGION", "CURSOR_SIGNING_KEY", "JWT_GROUPS_CLAIM", "JWT_ISSUER", "JWT_PUBLIC_KEY_LOCATION", "MEDIA_BUCKET", "MEDIA_KMS_KEY_ID", "MEDIA_STORE", "OTEL_TRACES_EXPORTER", "PORT"])
    }
    error_message = "The task definitions carry exactly the variables of the contract."
  }

  assert {
    condition     = output.services.environment["order-service"].ORDER_DB_USERNAME == "order_app" && output.services.environment["order-service"].ORDER_DB_IAM_AUTH == "true" && startswith(output.services.environment["order-service"].ORDER_DB_URL, "postgresql://commerce-prod-orders.proxy-abc.")
    error_message = "prod: order-service connects through the proxy as order_app with IAM tokens."
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
    condition     = output.data_tier.store_protection.order_db.deletion_protection && output.data_tier.store_protection.order_db.backup_retention_period == 35 && output.data_tier.store_protection.order_db.instance_count == 3
    error_message = "prod: writer and two readers, deletion protection, 35 days of backups."
  }

  assert {
    condition     = output.data_tier.store_protection.catalog_table.deletion_protection_enabled && !output.data_tier.store_protection.media_bucket.force_destroy && output.data_tier.store_protection.session_redis.multi_az_enabled && output.data_tier.store_protection.session_redis.snapshot_retention_limit == 14
    error_message = "prod: table and bucket protected, Redis Multi-AZ with 14 days of snapshots."
  }

  assert {
    condition     = length(output.data_tier.alarm_actions) == 1 && output.services.environment["catalog-service"].JWT_GROUPS_CLAIM == "cognito:groups"
    error_message = "prod alarms notify someone; services read groups from cognito:groups."
  }
}

run "prod_on_eks" {
  command = plan

  variables {
    deploy_ecs_services = false
    eks = {
      oidc_provider_arn = "arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE"
      oidc_provider_url = "https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLE"
    }
  }

  assert {
    condition     = toset(keys(output.services.irsa_service_account_annotations)) == toset(["catalog-service", "order-service", "session-service", "media-service"]) && length(output.services.task_definitions) == 4
    error_message = "On EKS every service gets its IRSA role; the task definitions remain for reference."
  }
}
