# The data tier of the four services, composed from the modules in this
# repository. Environments (dev, prod, emulator) call this with their sizing
# and protections, so every environment runs the same wiring.

data "aws_availability_zones" "available" {
  state = "available"
}

data "aws_caller_identity" "current" {}
data "aws_region" "current" {}

locals {
  azs = var.azs != null ? var.azs : slice(sort(data.aws_availability_zones.available.names), 0, var.az_count)

  # /16 → private /20s at the bottom, data /24s from .48, public /24s from .64.
  private_subnet_cidrs  = [for i in range(length(local.azs)) : cidrsubnet(var.vpc_cidr, 4, i)]
  database_subnet_cidrs = [for i in range(length(local.azs)) : cidrsubnet(var.vpc_cidr, 8, 48 + i)]
  public_subnet_cidrs   = var.create_public_subnets ? [for i in range(length(local.azs)) : cidrsubnet(var.vpc_cidr, 8, 64 + i)] : []

  media_stores = var.media_stores != null ? var.media_stores : toset([var.media_store])
  create_s3    = contains(local.media_stores, "s3")
  create_efs   = contains(local.media_stores, "efs")

  # order-service logs in as the application role order_app, never as the
  # master user: through the RDS Proxy with IAM tokens (the proxy holds the
  # role's password), or directly with the password read from the role's own
  # secret at run time.
  order_db_through_proxy = var.aurora_create_proxy

  # The proxy reads its login from Secrets Manager from the data subnets, which
  # reach AWS APIs only through interface endpoints.
  interface_endpoints = setunion(var.interface_endpoints, var.aurora_create_proxy ? ["secretsmanager"] : [])

  # Bucket features and key prefixes media-service relies on (shared contract).
  media_contract = jsondecode(file("${path.module}/../../contracts/services.json")).media_bucket

  # Per service, keyed by the services' environment variable names.
  service_env = {
    "catalog-service" = {
      CATALOG_TABLE = module.catalog_table.table_name
      AWS_REGION    = data.aws_region.current.name
    }
    "order-service" = merge(
      {
        ORDER_DB_URL        = module.aurora.connect_url
        ORDER_DB_READER_URL = module.aurora.connect_reader_url
        ORDER_DB_USERNAME   = module.aurora.app_username
        ORDER_DB_IAM_AUTH   = tostring(local.order_db_through_proxy)
        AWS_REGION          = data.aws_region.current.name
      },
      local.order_db_through_proxy ? {} : { ORDER_DB_SECRET_ARN = module.aurora.app_user_secret_arn },
    )
    "session-service" = {
      REDIS_URL         = var.create_elasticache ? module.redis[0].url : ""
      REDIS_CLIENT_TYPE = var.redis.cluster_mode_enabled ? "cluster" : "standalone"
    }
    "media-service" = merge(
      {
        MEDIA_STORE = var.media_store
        AWS_REGION  = data.aws_region.current.name
      },
      var.media_store == "s3" ? {
        MEDIA_BUCKET     = module.media_bucket[0].bucket_name
        MEDIA_KMS_KEY_ID = module.media_bucket[0].kms_key_arn
      } : {},
    )
  }

  # Secrets ECS injects (variable => Secrets Manager ARN), and their KMS keys.
  service_secrets = {
    "catalog-service" = {}
    "order-service"   = {}
    "session-service" = var.create_elasticache ? { REDIS_AUTH_TOKEN = module.redis[0].auth_token_secret_arn } : {}
    "media-service"   = {}
  }
  service_secret_kms_key_arns = {
    "catalog-service" = []
    "order-service"   = []
    "session-service" = var.create_elasticache ? [module.redis[0].kms_key_arn] : []
    "media-service"   = []
  }

  order_db_migration = {
    url              = "postgresql://${module.aurora.writer_endpoint}:${module.aurora.port}/${module.aurora.database_name}"
    owner_secret_arn = module.aurora.master_user_secret_arn
    app_username     = module.aurora.app_username
    app_secret_arn   = module.aurora.app_user_secret_arn
    kms_key_arn      = module.aurora.kms_key_arn
  }

  # Alarms always notify someone: the given targets, or the stack's own topic.
  create_alarm_topic = var.create_alarms && length(var.alarm_actions) == 0
  alarm_actions      = local.create_alarm_topic ? [aws_sns_topic.alarms[0].arn] : var.alarm_actions

  tags = merge(var.tags, { Stack = var.name })

  # The catalog table's shape (keys, indexes with their projections, TTL
  # attribute, stream) is one definition shared with catalog-service, which
  # queries these indexes and creates the same table in dev and test.
  catalog_shape = jsondecode(file("${path.module}/../../contracts/catalog-table.json"))
  catalog_keys  = { for k in local.catalog_shape.KeySchema : k.KeyType => k.AttributeName }
  catalog_indexes = [for g in local.catalog_shape.GlobalSecondaryIndexes : {
    name               = g.IndexName
    hash_key           = one([for k in g.KeySchema : k.AttributeName if k.KeyType == "HASH"])
    range_key          = one([for k in g.KeySchema : k.AttributeName if k.KeyType == "RANGE"])
    projection_type    = g.Projection.ProjectionType
    non_key_attributes = try(g.Projection.NonKeyAttributes, [])
  }]
}

module "network" {
  source = "../network"

  name                  = var.name
  cidr_block            = var.vpc_cidr
  azs                   = local.azs
  private_subnet_cidrs  = local.private_subnet_cidrs
  database_subnet_cidrs = local.database_subnet_cidrs
  public_subnet_cidrs   = local.public_subnet_cidrs
  enable_nat_gateway    = var.enable_nat_gateway
  single_nat_gateway    = var.single_nat_gateway
  interface_endpoints   = local.interface_endpoints
  enable_flow_logs      = var.enable_flow_logs

  tags = local.tags
}

module "service_security_groups" {
  source = "../service-security-groups"

  name           = var.name
  vpc_id         = module.network.vpc_id
  vpc_cidr_block = module.network.vpc_cidr_block
  https_egress_prefix_list_ids = [
    module.network.s3_prefix_list_id,
    module.network.dynamodb_prefix_list_id,
  ]
  # Without NAT the only way out is the VPC itself (endpoints).
  https_egress_cidr_blocks = var.enable_nat_gateway ? ["0.0.0.0/0"] : []

  tags = local.tags
}

################################################################################
# catalog-service
################################################################################

module "catalog_table" {
  source = "../dynamodb-table"

  name                            = "${var.name}-catalog"
  hash_key                        = local.catalog_keys.HASH
  range_key                       = local.catalog_keys.RANGE
  attributes                      = [for a in local.catalog_shape.AttributeDefinitions : { name = a.AttributeName, type = a.AttributeType }]
  global_secondary_indexes        = local.catalog_indexes
  ttl_attribute                   = local.catalog_shape.TimeToLiveSpecification.AttributeName
  stream_view_type                = local.catalog_shape.StreamSpecification.StreamViewType
  billing_mode                    = var.catalog_table_billing_mode
  point_in_time_recovery_enabled  = true
  deletion_protection_enabled     = var.dynamodb_deletion_protection
  kms_key_deletion_window_in_days = var.kms_key_deletion_window_in_days
  create_alarms                   = var.create_alarms
  alarm_actions                   = local.alarm_actions

  tags = merge(local.tags, { Service = "catalog-service" })
}

################################################################################
# order-service
################################################################################

module "aurora" {
  source = "../aurora-postgres"

  name                       = "${var.name}-orders"
  engine_version             = var.aurora.engine_version
  database_name              = "orders"
  master_username            = "order_admin"
  vpc_id                     = module.network.vpc_id
  subnet_ids                 = module.network.database_subnet_ids
  availability_zones         = local.azs
  allowed_security_group_ids = { "order-service" = module.service_security_groups.security_group_ids["order-service"] }

  instance_mode           = var.aurora.instance_mode
  instance_class          = var.aurora.instance_class
  serverless_min_capacity = var.aurora.serverless_min_capacity
  serverless_max_capacity = var.aurora.serverless_max_capacity
  reader_count            = var.aurora.reader_count
  reader_autoscaling      = var.aurora.reader_autoscaling

  backup_retention_period      = var.aurora_backup_retention_days
  deletion_protection          = var.aurora_deletion_protection
  skip_final_snapshot          = !var.aurora_deletion_protection
  performance_insights_enabled = var.aurora_performance_insights_enabled
  monitoring_interval          = var.aurora_monitoring_interval
  create_proxy                 = var.aurora_create_proxy
  ca_cert_identifier           = var.aurora_ca_cert_identifier
  app_username                 = var.order_db_app_username

  proxy_secrets_manager_endpoint_security_group_id = var.aurora_create_proxy ? module.network.interface_endpoints_security_group_id : null
  app_user_secret_recovery_window_in_days          = var.secret_recovery_window_in_days

  kms_key_deletion_window_in_days = var.kms_key_deletion_window_in_days
  create_alarms                   = var.create_alarms
  alarm_actions                   = local.alarm_actions

  tags = merge(local.tags, { Service = "order-service" })
}

################################################################################
# session-service
################################################################################

module "redis" {
  source = "../elasticache-redis"
  count  = var.create_elasticache ? 1 : 0

  name                       = "${var.name}-sessions"
  engine_version             = var.redis.engine_version
  node_type                  = var.redis.node_type
  cluster_mode_enabled       = var.redis.cluster_mode_enabled
  num_node_groups            = var.redis.num_node_groups
  replicas_per_node_group    = var.redis.replicas_per_node_group
  multi_az_enabled           = var.redis.multi_az_enabled
  snapshot_retention_limit   = var.redis.snapshot_retention_limit
  vpc_id                     = module.network.vpc_id
  subnet_ids                 = module.network.database_subnet_ids
  allowed_security_group_ids = { "session-service" = module.service_security_groups.security_group_ids["session-service"] }

  kms_key_deletion_window_in_days = var.kms_key_deletion_window_in_days
  create_alarms                   = var.create_alarms
  alarm_actions                   = local.alarm_actions

  tags = merge(local.tags, { Service = "session-service" })
}

################################################################################
# media-service
################################################################################

module "media_bucket" {
  source = "../s3-media"
  count  = local.create_s3 ? 1 : 0

  bucket_name                     = coalesce(var.media_bucket_name, "${var.name}-media-${data.aws_caller_identity.current.account_id}")
  force_destroy                   = var.media_force_destroy
  cors_allowed_origins            = var.media_cors_allowed_origins
  lifecycle_rules                 = var.media_lifecycle_rules
  kms_key_deletion_window_in_days = var.kms_key_deletion_window_in_days

  tags = merge(local.tags, { Service = "media-service" })
}

module "media_efs" {
  source = "../efs-media"
  count  = local.create_efs ? 1 : 0

  name                            = "${var.name}-media"
  vpc_id                          = module.network.vpc_id
  subnet_ids                      = module.network.database_subnet_ids
  allowed_security_group_ids      = { "media-service" = module.service_security_groups.security_group_ids["media-service"] }
  backup_enabled                  = var.efs_backup_enabled
  kms_key_deletion_window_in_days = var.kms_key_deletion_window_in_days

  tags = merge(local.tags, { Service = "media-service" })
}

################################################################################
# IAM: one least-privilege policy per service
################################################################################

module "service_iam" {
  source = "../service-iam"

  name = var.name

  catalog = {
    table_arn   = module.catalog_table.table_arn
    stream_arn  = module.catalog_table.stream_arn
    kms_key_arn = module.catalog_table.kms_key_arn
  }

  # Never the master secret: that one is for the migration task only.
  order = {
    db_resource_id     = local.order_db_through_proxy ? module.aurora.iam_connect_resource_id : null
    db_username        = module.aurora.app_username
    secret_arn         = local.order_db_through_proxy ? null : module.aurora.app_user_secret_arn
    secret_kms_key_arn = local.order_db_through_proxy ? null : module.aurora.kms_key_arn
  }

  session = var.create_elasticache ? {
    auth_secret_arn = module.redis[0].auth_token_secret_arn
    kms_key_arn     = module.redis[0].kms_key_arn
  } : null

  media = {
    bucket_arn           = local.create_s3 ? module.media_bucket[0].bucket_arn : null
    bucket_kms_key_arn   = local.create_s3 ? module.media_bucket[0].kms_key_arn : null
    efs_file_system_arn  = local.create_efs ? module.media_efs[0].file_system_arn : null
    efs_access_point_arn = local.create_efs ? module.media_efs[0].access_point_arn : null
    bucket_key_prefixes  = local.media_contract.key_prefixes
  }

  tags = local.tags
}

################################################################################
# Alarm notifications
################################################################################

resource "aws_sns_topic" "alarms" {
  count = local.create_alarm_topic ? 1 : 0

  name              = "${var.name}-alarms"
  kms_master_key_id = "alias/aws/sns"

  tags = local.tags
}

resource "aws_sns_topic_subscription" "alarm_emails" {
  for_each = local.create_alarm_topic ? toset(var.alarm_email_addresses) : toset([])

  topic_arn = aws_sns_topic.alarms[0].arn
  protocol  = "email"
  endpoint  = each.value
}
