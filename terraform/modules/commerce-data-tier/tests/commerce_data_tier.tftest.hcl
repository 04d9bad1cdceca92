# Plan-only tests of the composition: which stores exist, how environment
# settings reach them, and that the outputs carry the services' variable names.

mock_provider "aws" {
  mock_data "aws_availability_zones" {
    defaults = { names = ["us-east-1c", "us-east-1a", "us-east-1b", "us-east-1d"] }
  }
  mock_data "aws_region" {
    defaults = { name = "us-east-1" }
  }
  mock_data "aws_caller_identity" {
    defaults = { account_id = "123456789012" }
  }
  mock_data "aws_partition" {
    defaults = { partition = "aws" }
  }
  # The default mock string is too short for an ElastiCache AUTH token.
  mock_data "aws_secretsmanager_random_password" {
    defaults = { random_password = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ01" }
  }
}

# Distinct, known ARNs for the secrets and keys order-service could be wired
# to, so a policy or variable pointing at the wrong one (the master secret)
# would show.
override_resource {
  target          = module.aurora.aws_rds_cluster.this
  override_during = plan
  values = {
    endpoint           = "commerce-test-orders.cluster-abc.us-east-1.rds.amazonaws.com"
    master_user_secret = [{ secret_arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!cluster-master-AbCdEf", kms_key_id = "k", secret_status = "active" }]
  }
}

override_resource {
  target          = module.aurora.aws_secretsmanager_secret.app_user
  override_during = plan
  values          = { arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:commerce-test-orders/db-users/order_app-GhIjKl" }
}

override_resource {
  target          = module.aurora.aws_kms_key.this
  override_during = plan
  values          = { arn = "arn:aws:kms:us-east-1:123456789012:key/aaaaaaaa-0000-0000-0000-000000000001" }
}

override_resource {
  target          = module.aurora.aws_db_proxy.this
  override_during = plan
  values          = { arn = "arn:aws:rds:us-east-1:123456789012:db-proxy:prx-0123456789abcdef0", endpoint = "commerce-test-orders.proxy-abc.us-east-1.rds.amazonaws.com" }
}

override_resource {
  target          = module.network.aws_security_group.interface_endpoints
  override_during = plan
  values          = { id = "sg-0endpoints0000001" }
}

override_resource {
  target          = module.media_bucket[0].aws_s3_bucket.access_logs
  override_during = plan
  values          = { id = "commerce-test-media-123456789012-logs", arn = "arn:aws:s3:::commerce-test-media-123456789012-logs" }
}

override_resource {
  target          = aws_sns_topic.alarms
  override_during = plan
  values          = { arn = "arn:aws:sns:us-east-1:123456789012:commerce-test-alarms" }
}

variables {
  name = "commerce-test"
}

run "defaults_compose_every_store" {
  command = plan

  assert {
    condition     = length(module.redis) == 1 && length(module.media_bucket) == 1 && length(module.media_efs) == 0
    error_message = "Defaults must create ElastiCache and the S3 media store, not EFS."
  }

  assert {
    condition     = toset(keys(output.service_security_group_ids)) == toset(["catalog-service", "order-service", "session-service", "media-service"])
    error_message = "Every service must get its own security group."
  }

  assert {
    condition     = toset(keys(output.service_policy_arns)) == toset(["catalog-service", "order-service", "session-service", "media-service"])
    error_message = "Every service must get its least-privilege policy."
  }

  assert {
    condition     = output.aws_region == "us-east-1" && output.catalog_service_env.AWS_REGION == "us-east-1"
    error_message = "AWS_REGION must be the provider's region."
  }

  assert {
    condition     = output.catalog_table_name == "commerce-test-catalog"
    error_message = "The catalog table must be named <name>-catalog."
  }
}

# catalog-service lists a category through GSI2: the table must carry both
# indexes exactly as terraform/contracts/catalog-table.json (and catalog-service) define them.
run "catalog_table_has_both_indexes_of_the_contract" {
  command = plan

  assert {
    condition = output.catalog_table_indexes == [
      { name = "GSI1", hash_key = "GSI1PK", range_key = "GSI1SK", projection_type = "KEYS_ONLY", non_key_attributes = [] },
      { name = "GSI2", hash_key = "GSI2PK", range_key = "GSI2SK", projection_type = "INCLUDE", non_key_attributes = sort(["id", "sku", "name", "category", "priceAmount", "currency", "status", "mediaIds"]) },
    ]
    error_message = "The catalog table must have GSI1 (keys only) and GSI2 (category listings with the listing attributes)."
  }

  assert {
    condition     = output.store_protection.catalog_table.ttl_attribute == "expiresAt" && output.store_protection.catalog_table.stream_view_type == "NEW_AND_OLD_IMAGES"
    error_message = "TTL on expiresAt and a NEW_AND_OLD_IMAGES stream, as the contract says."
  }
}

run "outputs_are_named_as_service_environment_variables" {
  command = plan

  assert {
    condition     = toset(keys(output.catalog_service_env)) == toset(["CATALOG_TABLE", "AWS_REGION"])
    error_message = "catalog_service_env keys must be catalog-service variables."
  }

  assert {
    condition     = toset(keys(output.order_service_env)) == toset(["ORDER_DB_URL", "ORDER_DB_READER_URL", "ORDER_DB_USERNAME", "ORDER_DB_SECRET_ARN", "ORDER_DB_IAM_AUTH", "AWS_REGION"])
    error_message = "order_service_env keys must be order-service variables."
  }

  assert {
    condition     = toset(keys(output.media_service_env)) == toset(["MEDIA_STORE", "MEDIA_BUCKET", "MEDIA_KMS_KEY_ID", "AWS_REGION"])
    error_message = "media_service_env keys must be media-service variables (bucket and key with the S3 store)."
  }

  assert {
    condition     = toset(keys(output.session_service_env)) == toset(["REDIS_URL", "REDIS_CLIENT_TYPE"]) && toset(keys(output.session_service_secrets)) == toset(["REDIS_AUTH_TOKEN"])
    error_message = "session-service gets REDIS_URL and REDIS_CLIENT_TYPE, and REDIS_AUTH_TOKEN only as a secret reference."
  }

  assert {
    condition     = output.order_service_env.ORDER_DB_USERNAME == "order_app" && output.order_service_env.ORDER_DB_IAM_AUTH == "false" && output.order_service_env.ORDER_DB_SECRET_ARN == "arn:aws:secretsmanager:us-east-1:123456789012:secret:commerce-test-orders/db-users/order_app-GhIjKl"
    error_message = "Without the proxy order-service logs in as order_app with the password of order_app's own secret, never as the master user."
  }

  assert {
    condition = toset(flatten([for s in jsondecode(output.service_policy_documents["order-service"]).Statement : s.Resource])) == toset([
      "arn:aws:secretsmanager:us-east-1:123456789012:secret:commerce-test-orders/db-users/order_app-GhIjKl",
      "arn:aws:kms:us-east-1:123456789012:key/aaaaaaaa-0000-0000-0000-000000000001",
    ])
    error_message = "order-service's task role may read order_app's secret (and its key) and nothing else: not the master secret."
  }

  assert {
    condition     = output.session_service_env.REDIS_CLIENT_TYPE == "standalone" && output.media_service_env.MEDIA_STORE == "s3"
    error_message = "Defaults are a standalone Redis client and the S3 media store."
  }
}

run "secure_defaults_of_every_store" {
  command = plan

  assert {
    condition     = output.store_protection.catalog_table.point_in_time_recovery_enabled && output.store_protection.catalog_table.deletion_protection_enabled && output.store_protection.catalog_table.kms_encryption_enabled
    error_message = "The catalog table must have PITR, deletion protection and KMS encryption."
  }

  assert {
    condition     = output.store_protection.order_db.storage_encrypted && output.store_protection.order_db.deletion_protection && output.store_protection.order_db.backup_retention_period == 7
    error_message = "The order database must be encrypted, deletion protected and keep 7 days of backups by default."
  }

  assert {
    condition     = output.store_protection.session_redis.at_rest_encryption_enabled && output.store_protection.session_redis.transit_encryption_enabled
    error_message = "Redis must be encrypted at rest and in transit."
  }

  assert {
    condition     = output.store_protection.media_bucket.versioning_status == "Enabled" && output.store_protection.media_bucket.sse_algorithm == "aws:kms" && output.store_protection.media_bucket.public_access_blocked && !output.store_protection.media_bucket.force_destroy
    error_message = "The media bucket must be versioned, SSE-KMS, fully public-access-blocked and not force-destroyable."
  }
}

run "elasticache_can_be_switched_off" {
  command = plan

  variables {
    create_elasticache = false
  }

  assert {
    condition     = length(module.redis) == 0 && output.store_protection.session_redis == null
    error_message = "create_elasticache = false must create no ElastiCache resources."
  }

  assert {
    condition     = output.session_service_env.REDIS_URL == "" && length(output.session_service_secrets) == 0 && output.redis_url == null && output.redis_auth_secret_arn == null
    error_message = "Without ElastiCache the session outputs must be empty."
  }

  assert {
    condition     = !contains(keys(output.service_policy_arns), "session-service") && output.data_store_security_group_ids.redis == null
    error_message = "Without ElastiCache session-service needs no data policy and there is no Redis security group."
  }
}

run "prod_like_settings_flow_through" {
  command = plan

  variables {
    aurora = {
      instance_mode  = "provisioned"
      instance_class = "db.r7g.large"
      reader_count   = 2
      reader_autoscaling = {
        enabled     = true
        min_readers = 2
        max_readers = 5
      }
    }
    aurora_backup_retention_days = 35
    aurora_deletion_protection   = true
    aurora_create_proxy          = true
    dynamodb_deletion_protection = true
    redis = {
      node_type                = "cache.r7g.large"
      replicas_per_node_group  = 2
      multi_az_enabled         = true
      snapshot_retention_limit = 14
    }
  }

  assert {
    condition     = output.store_protection.order_db.backup_retention_period == 35 && output.store_protection.order_db.deletion_protection
    error_message = "Backup retention and deletion protection must reach the cluster."
  }

  assert {
    condition     = output.store_protection.order_db.instance_class == "db.r7g.large" && output.store_protection.order_db.instance_count == 3
    error_message = "A writer and two readers of the requested class must be planned."
  }

  assert {
    condition     = output.order_service_env.ORDER_DB_IAM_AUTH == "true" && output.order_service_env.ORDER_DB_USERNAME == "order_app" && !contains(keys(output.order_service_env), "ORDER_DB_SECRET_ARN") && startswith(output.order_service_env.ORDER_DB_URL, "postgresql://commerce-test-orders.proxy-abc.")
    error_message = "With the proxy, order-service connects through it as order_app with IAM tokens and reads no secret."
  }

  assert {
    condition     = jsondecode(output.service_policy_documents["order-service"]).Statement == [{ Sid = "DatabaseConnectAsServiceUser", Effect = "Allow", Action = ["rds-db:connect"], Resource = ["arn:aws:rds-db:us-east-1:123456789012:dbuser:prx-0123456789abcdef0/order_app"] }]
    error_message = "order-service's task role may only rds-db:connect as order_app on the proxy: nothing on the master secret."
  }

  assert {
    condition     = contains(output.interface_endpoints, "secretsmanager")
    error_message = "With the proxy the VPC must have a Secrets Manager interface endpoint: the proxy reads order_app's login through it."
  }

  assert {
    condition     = output.order_db_migration.owner_secret_arn == "arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!cluster-master-AbCdEf" && output.order_db_migration.url == "postgresql://commerce-test-orders.cluster-abc.us-east-1.rds.amazonaws.com:5432/orders" && output.order_db_migration.app_secret_arn == output.order_db_app_secret_arn
    error_message = "The migration task gets the master secret and the cluster's writer endpoint (not the proxy, which knows only order_app)."
  }

  assert {
    condition     = output.store_protection.session_redis.multi_az_enabled && output.store_protection.session_redis.automatic_failover_enabled && output.store_protection.session_redis.snapshot_retention_limit == 14
    error_message = "Multi-AZ, failover and snapshot retention must reach the replication group."
  }

  assert {
    condition     = output.store_protection.catalog_table.deletion_protection_enabled
    error_message = "Deletion protection must reach the catalog table."
  }
}

run "dev_like_settings_and_efs" {
  command = plan

  variables {
    aurora = {
      instance_mode           = "serverless"
      serverless_min_capacity = 0
      serverless_max_capacity = 2
      reader_count            = 0
    }
    aurora_backup_retention_days = 1
    aurora_deletion_protection   = false
    dynamodb_deletion_protection = false
    redis = {
      node_type               = "cache.t4g.micro"
      replicas_per_node_group = 0
      multi_az_enabled        = false
    }
    media_store = "efs"
  }

  assert {
    condition     = output.store_protection.order_db.instance_class == "db.serverless" && output.store_protection.order_db.instance_count == 1 && !output.store_protection.order_db.deletion_protection
    error_message = "dev: one Serverless v2 writer without deletion protection."
  }

  assert {
    condition     = output.store_protection.catalog_table.point_in_time_recovery_enabled && !output.store_protection.catalog_table.deletion_protection_enabled
    error_message = "PITR stays on even where deletion protection is off."
  }

  assert {
    condition     = output.store_protection.session_redis.transit_encryption_enabled && !output.store_protection.session_redis.multi_az_enabled
    error_message = "dev Redis: single node, still encrypted in transit."
  }

  assert {
    condition     = length(module.media_efs) == 1 && length(module.media_bucket) == 0 && output.store_protection.media_efs.encrypted && output.media_service_env.MEDIA_STORE == "efs" && !contains(keys(output.media_service_env), "MEDIA_BUCKET")
    error_message = "media_store = efs must create the encrypted file system and no bucket."
  }
}

run "alarms_notify_the_stack_topic_by_default" {
  command = plan

  variables {
    alarm_email_addresses = ["oncall@example.com"]
  }

  assert {
    condition     = output.alarm_actions == tolist(["arn:aws:sns:us-east-1:123456789012:commerce-test-alarms"]) && aws_sns_topic_subscription.alarm_emails["oncall@example.com"].protocol == "email"
    error_message = "Without alarm_actions every alarm must notify the stack's own topic (with its e-mail subscriptions)."
  }
}

run "alarms_notify_the_given_targets" {
  command = plan

  variables {
    alarm_actions = ["arn:aws:sns:us-east-1:123456789012:oncall"]
  }

  assert {
    condition     = output.alarm_actions == tolist(["arn:aws:sns:us-east-1:123456789012:oncall"]) && length(aws_sns_topic.alarms) == 0
    error_message = "Given alarm_actions are what alarms notify; no topic of the stack is created."
  }
}

run "media_bucket_is_access_logged" {
  command = plan

  assert {
    condition     = output.store_protection.media_bucket.access_logged && output.media_bucket_access_log_bucket == "commerce-test-media-123456789012-logs"
    error_message = "The media bucket's server access logs must be on."
  }
}

run "cluster_mode_switches_the_client_type" {
  command = plan

  variables {
    redis = {
      cluster_mode_enabled    = true
      num_node_groups         = 3
      replicas_per_node_group = 1
    }
  }

  assert {
    condition     = output.session_service_env.REDIS_CLIENT_TYPE == "cluster"
    error_message = "Cluster mode must set REDIS_CLIENT_TYPE=cluster."
  }
}

run "emulator_style_both_media_stores" {
  command = plan

  variables {
    media_stores = ["s3", "efs"]
  }

  assert {
    condition     = length(module.media_bucket) == 1 && length(module.media_efs) == 1 && output.media_service_env.MEDIA_STORE == "s3"
    error_message = "media_stores provisions both while MEDIA_STORE stays media_store."
  }
}

run "rejects_invalid_name" {
  command = plan

  variables {
    name = "Commerce_Prod"
  }

  expect_failures = [var.name]
}

run "rejects_media_stores_without_media_store" {
  command = plan

  variables {
    media_store  = "efs"
    media_stores = ["s3"]
  }

  expect_failures = [var.media_stores]
}

run "rejects_non_slash_16_vpc" {
  command = plan

  variables {
    vpc_cidr = "10.40.0.0/20"
  }

  expect_failures = [var.vpc_cidr]
}

run "rejects_no_backups" {
  command = plan

  variables {
    aurora_backup_retention_days = 0
  }

  expect_failures = [var.aurora_backup_retention_days]
}

run "rejects_unknown_aurora_mode" {
  command = plan

  variables {
    aurora = { instance_mode = "spot" }
  }

  expect_failures = [var.aurora]
}

run "rejects_multi_az_redis_without_replicas" {
  command = plan

  variables {
    redis = {
      replicas_per_node_group = 0
      multi_az_enabled        = true
    }
  }

  expect_failures = [var.redis]
}

run "rejects_wildcard_cors_origin" {
  command = plan

  variables {
    media_cors_allowed_origins = ["https://*.example.com"]
  }

  expect_failures = [var.media_cors_allowed_origins]
}
