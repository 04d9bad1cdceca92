locals {
  create_kms_key = var.kms_key_arn == null
  kms_key_arn    = local.create_kms_key ? aws_kms_key.this[0].arn : var.kms_key_arn

  port         = 6379
  engine_major = split(".", var.engine_version)[0]
  family       = var.engine == "redis" && local.engine_major == "6" ? "redis6.x" : "${var.engine}${local.engine_major}"

  # Cluster-mode-disabled groups always fail over with a replica; cluster mode requires failover on.
  automatic_failover_enabled = var.cluster_mode_enabled || var.replicas_per_node_group >= 1

  parameters = merge(
    {
      "maxmemory-policy" = var.maxmemory_policy
      "cluster-enabled"  = var.cluster_mode_enabled ? "yes" : "no"
    },
    var.parameters,
  )

  # Member cluster IDs follow a fixed scheme, so per-node alarms can be planned before the group exists.
  node_ids = var.cluster_mode_enabled ? flatten([
    for shard in range(1, var.num_node_groups + 1) : [
      for node in range(1, var.replicas_per_node_group + 2) : format("%s-%04d-%03d", var.name, shard, node)
    ]
  ]) : [for node in range(1, var.replicas_per_node_group + 2) : format("%s-%03d", var.name, node)]

  node_alarms = {
    evictions = { metric = "Evictions", statistic = "Sum", threshold = var.alarm_thresholds.evictions, description = "keys evicted for lack of memory" }
    memory    = { metric = "DatabaseMemoryUsagePercentage", statistic = "Average", threshold = var.alarm_thresholds.memory_percent, description = "memory use in percent of maxmemory" }
    cpu       = { metric = "EngineCPUUtilization", statistic = "Average", threshold = var.alarm_thresholds.cpu_percent, description = "CPU of the Redis engine thread" }
  }
  alarms = var.create_alarms ? {
    for pair in setproduct(local.node_ids, keys(local.node_alarms)) : "${pair[0]}-${pair[1]}" => merge(local.node_alarms[pair[1]], { node = pair[0] })
  } : {}

  log_types = {
    slow-log   = "slow-log"
    engine-log = "engine-log"
  }

  auth_token = var.auth_token != null ? aws_secretsmanager_secret_version.provided[0].secret_string : aws_secretsmanager_secret_version.generated[0].secret_string
}

################################################################################
# Encryption key
################################################################################

resource "aws_kms_key" "this" {
  count = local.create_kms_key ? 1 : 0

  description             = "ElastiCache ${var.name}"
  enable_key_rotation     = true
  deletion_window_in_days = var.kms_key_deletion_window_in_days

  tags = var.tags
}

resource "aws_kms_alias" "this" {
  count = local.create_kms_key ? 1 : 0

  name          = "alias/elasticache/${var.name}"
  target_key_id = aws_kms_key.this[0].key_id
}

################################################################################
# AUTH token in Secrets Manager
#
# Only the hashicorp/aws provider is available offline, so the token comes from
# Secrets Manager's GetRandomPassword (a data source). A data source is read on
# every plan, so the secret version ignores later changes: the first token stays
# until it is rotated on purpose. ElastiCache's auth_token is not a write-only
# argument, so the token is in the state either way: keep the state encrypted.
################################################################################

data "aws_secretsmanager_random_password" "auth_token" {
  count = var.auth_token == null ? 1 : 0

  password_length     = 64
  exclude_punctuation = true # ElastiCache rejects @, " and / and URL-unsafe tokens cause client bugs
  include_space       = false
}

resource "aws_secretsmanager_secret" "auth_token" {
  name                    = "${var.name}/redis-auth-token"
  description             = "AUTH token of ElastiCache replication group ${var.name} (plain string)"
  kms_key_id              = local.kms_key_arn
  recovery_window_in_days = var.auth_token_secret_recovery_window_in_days

  tags = var.tags
}

resource "aws_secretsmanager_secret_version" "generated" {
  count = var.auth_token == null ? 1 : 0

  secret_id     = aws_secretsmanager_secret.auth_token.id
  secret_string = data.aws_secretsmanager_random_password.auth_token[0].random_password

  lifecycle {
    ignore_changes = [secret_string]
  }
}

resource "aws_secretsmanager_secret_version" "provided" {
  count = var.auth_token != null ? 1 : 0

  secret_id     = aws_secretsmanager_secret.auth_token.id
  secret_string = var.auth_token
}

################################################################################
# Networking
################################################################################

resource "aws_elasticache_subnet_group" "this" {
  name        = var.name
  description = "Data subnets of ${var.name}"
  subnet_ids  = var.subnet_ids

  tags = var.tags
}

resource "aws_security_group" "this" {
  name        = "${var.name}-redis"
  description = "Redis (6379) to ${var.name} from the service security groups only"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${var.name}-redis" })

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_ingress_rule" "redis" {
  for_each = var.allowed_security_group_ids

  security_group_id            = aws_security_group.this.id
  description                  = "Redis from ${each.key}"
  ip_protocol                  = "tcp"
  from_port                    = local.port
  to_port                      = local.port
  referenced_security_group_id = each.value

  tags = var.tags
}

################################################################################
# Parameters and logs
################################################################################

resource "aws_elasticache_parameter_group" "this" {
  name        = "${var.name}-${replace(local.family, ".", "-")}"
  family      = local.family
  description = "${var.name}: eviction policy ${var.maxmemory_policy}"

  dynamic "parameter" {
    for_each = local.parameters
    content {
      name  = parameter.key
      value = parameter.value
    }
  }

  tags = var.tags

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_cloudwatch_log_group" "this" {
  for_each = local.log_types

  name              = "/aws/elasticache/${var.name}/${each.key}"
  retention_in_days = var.log_retention_in_days

  tags = var.tags
}

################################################################################
# Replication group
################################################################################

resource "aws_elasticache_replication_group" "this" {
  replication_group_id = var.name
  description          = "Sessions, carts, rate limits and caches"
  engine               = var.engine
  engine_version       = var.engine_version
  node_type            = var.node_type
  port                 = local.port
  parameter_group_name = aws_elasticache_parameter_group.this.name

  # Cluster mode: shards x (1 + replicas). Otherwise one primary plus replicas.
  cluster_mode            = var.cluster_mode_enabled ? "enabled" : "disabled"
  num_node_groups         = var.cluster_mode_enabled ? var.num_node_groups : null
  replicas_per_node_group = var.cluster_mode_enabled ? var.replicas_per_node_group : null
  num_cache_clusters      = var.cluster_mode_enabled ? null : var.replicas_per_node_group + 1

  automatic_failover_enabled = local.automatic_failover_enabled
  multi_az_enabled           = var.multi_az_enabled

  subnet_group_name  = aws_elasticache_subnet_group.this.name
  security_group_ids = [aws_security_group.this.id]

  at_rest_encryption_enabled = true
  kms_key_id                 = local.kms_key_arn
  transit_encryption_enabled = true
  transit_encryption_mode    = "required"
  auth_token                 = local.auth_token
  auth_token_update_strategy = "ROTATE"

  snapshot_retention_limit  = var.snapshot_retention_limit
  snapshot_window           = var.snapshot_window
  maintenance_window        = var.maintenance_window
  final_snapshot_identifier = var.final_snapshot_enabled ? "${var.name}-final" : null
  apply_immediately         = var.apply_immediately

  auto_minor_version_upgrade = true

  dynamic "log_delivery_configuration" {
    for_each = aws_cloudwatch_log_group.this
    content {
      destination      = log_delivery_configuration.value.name
      destination_type = "cloudwatch-logs"
      log_format       = "json"
      log_type         = log_delivery_configuration.key
    }
  }

  tags = merge(var.tags, { Name = var.name })
}

################################################################################
# Alarms (per node)
################################################################################

resource "aws_cloudwatch_metric_alarm" "node" {
  for_each = local.alarms

  alarm_name          = "${each.key}-high"
  alarm_description   = "${each.value.node}: ${each.value.description} above ${each.value.threshold}."
  namespace           = "AWS/ElastiCache"
  metric_name         = each.value.metric
  dimensions          = { CacheClusterId = each.value.node }
  statistic           = each.value.statistic
  period              = 300
  evaluation_periods  = 2
  comparison_operator = "GreaterThanThreshold"
  threshold           = each.value.threshold
  treat_missing_data  = "missing"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions

  tags = var.tags

  depends_on = [aws_elasticache_replication_group.this]
}
