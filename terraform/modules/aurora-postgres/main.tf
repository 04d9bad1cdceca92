data "aws_partition" "current" {}
data "aws_region" "current" {}

locals {
  create_kms_key = var.kms_key_arn == null
  kms_key_arn    = local.create_kms_key ? aws_kms_key.this[0].arn : var.kms_key_arn

  engine         = "aurora-postgresql"
  engine_major   = split(".", var.engine_version)[0]
  family         = "aurora-postgresql${local.engine_major}"
  port           = 5432
  serverless     = var.instance_mode == "serverless"
  instance_class = local.serverless ? "db.serverless" : var.instance_class
  instance_count = 1 + var.reader_count

  # Module settings first; caller entries with the same name win.
  cluster_parameters = merge(
    {
      "rds.force_ssl"                       = { value = "1", apply_method = "immediate" } # refuse non-TLS connections
      "ssl_min_protocol_version"            = { value = "TLSv1.2", apply_method = "immediate" }
      "shared_preload_libraries"            = { value = "pg_stat_statements,auto_explain", apply_method = "pending-reboot" }
      "pg_stat_statements.track"            = { value = "all", apply_method = "immediate" }
      "idle_in_transaction_session_timeout" = { value = tostring(var.idle_in_transaction_session_timeout_ms), apply_method = "immediate" }
      "statement_timeout"                   = { value = tostring(var.statement_timeout_ms), apply_method = "immediate" }
      "log_min_duration_statement"          = { value = tostring(var.log_min_duration_statement_ms), apply_method = "immediate" }
    },
    { for p in var.cluster_parameters : p.name => { value = p.value, apply_method = p.apply_method } },
  )

  instance_parameters = merge(
    {
      "log_min_duration_statement"    = { value = tostring(var.log_min_duration_statement_ms), apply_method = "immediate" }
      "auto_explain.log_min_duration" = { value = tostring(var.log_min_duration_statement_ms), apply_method = "immediate" } # plans of the same slow statements
      "auto_explain.log_format"       = { value = "json", apply_method = "immediate" }
      "log_lock_waits"                = { value = "1", apply_method = "immediate" }
    },
    { for p in var.instance_parameters : p.name => { value = p.value, apply_method = p.apply_method } },
  )

  master_user_secret_arn = try(aws_rds_cluster.this.master_user_secret[0].secret_arn, null)
  app_user_secret_arn    = aws_secretsmanager_secret.app_user.arn
  proxy_resource_id      = var.create_proxy ? element(split(":", aws_db_proxy.this[0].arn), 6) : null
}

################################################################################
# Encryption key (storage, Performance Insights, master user secret)
################################################################################

resource "aws_kms_key" "this" {
  count = local.create_kms_key ? 1 : 0

  description             = "Aurora PostgreSQL cluster ${var.name}"
  enable_key_rotation     = true
  deletion_window_in_days = var.kms_key_deletion_window_in_days

  tags = var.tags
}

resource "aws_kms_alias" "this" {
  count = local.create_kms_key ? 1 : 0

  name          = "alias/rds/${var.name}"
  target_key_id = aws_kms_key.this[0].key_id
}

################################################################################
# Application login: the role the service (or the proxy on its behalf) logs in
# as. Its password is generated here and kept only in Secrets Manager (and, as
# every generated value, in the encrypted state); the one-shot migration task
# sets it on the role, so the master secret is never needed at run time.
# The random password data source gives a new value on every plan: the secret
# version ignores it after the first, so the password changes only on purpose
# (put a new value, then run the migration task again).
################################################################################

data "aws_secretsmanager_random_password" "app_user" {
  password_length     = 48
  exclude_punctuation = true # safe in connection strings and libpq without quoting
  include_space       = false
}

resource "aws_secretsmanager_secret" "app_user" {
  name                    = "${var.name}/db-users/${var.app_username}"
  description             = "Login of the application role ${var.app_username} of ${var.name} (JSON username/password, the format RDS Proxy reads)"
  kms_key_id              = local.kms_key_arn
  recovery_window_in_days = var.app_user_secret_recovery_window_in_days

  tags = var.tags
}

resource "aws_secretsmanager_secret_version" "app_user" {
  secret_id = aws_secretsmanager_secret.app_user.id
  secret_string = jsonencode({
    username = var.app_username
    password = data.aws_secretsmanager_random_password.app_user.random_password
  })

  lifecycle {
    ignore_changes = [secret_string]
  }
}

################################################################################
# Networking
################################################################################

resource "aws_db_subnet_group" "this" {
  name        = var.name
  description = "Data subnets of ${var.name}"
  subnet_ids  = var.subnet_ids

  tags = var.tags
}

resource "aws_security_group" "this" {
  name        = "${var.name}-aurora"
  description = "PostgreSQL (5432) to ${var.name} from the service security groups only"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${var.name}-aurora" })

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_ingress_rule" "postgres" {
  for_each = var.allowed_security_group_ids

  security_group_id            = aws_security_group.this.id
  description                  = "PostgreSQL from ${each.key}"
  ip_protocol                  = "tcp"
  from_port                    = local.port
  to_port                      = local.port
  referenced_security_group_id = each.value

  tags = var.tags
}

resource "aws_vpc_security_group_ingress_rule" "postgres_from_proxy" {
  count = var.create_proxy ? 1 : 0

  security_group_id            = aws_security_group.this.id
  description                  = "PostgreSQL from the RDS Proxy"
  ip_protocol                  = "tcp"
  from_port                    = local.port
  to_port                      = local.port
  referenced_security_group_id = aws_security_group.proxy[0].id

  tags = var.tags
}

################################################################################
# Parameter groups
################################################################################

resource "aws_rds_cluster_parameter_group" "this" {
  name        = "${var.name}-${local.family}"
  family      = local.family
  description = "${var.name}: TLS only, statement statistics, slow statement logging, timeouts"

  dynamic "parameter" {
    for_each = local.cluster_parameters
    content {
      name         = parameter.key
      value        = parameter.value.value
      apply_method = parameter.value.apply_method
    }
  }

  tags = var.tags

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_db_parameter_group" "this" {
  name        = "${var.name}-${local.family}-instance"
  family      = local.family
  description = "${var.name} instances: slow statement logging and plans"

  dynamic "parameter" {
    for_each = local.instance_parameters
    content {
      name         = parameter.key
      value        = parameter.value.value
      apply_method = parameter.value.apply_method
    }
  }

  tags = var.tags

  lifecycle {
    create_before_destroy = true
  }
}

################################################################################
# Logs and monitoring
################################################################################

# Created ahead of the cluster so the retention applies from the first line.
resource "aws_cloudwatch_log_group" "this" {
  for_each = toset(var.enabled_cloudwatch_logs_exports)

  name              = "/aws/rds/cluster/${var.name}/${each.key}"
  retention_in_days = var.cloudwatch_log_retention_in_days

  tags = var.tags
}

resource "aws_iam_role" "monitoring" {
  count = var.monitoring_interval > 0 ? 1 : 0

  name = "${var.name}-rds-monitoring"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "monitoring.rds.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })

  tags = var.tags
}

resource "aws_iam_role_policy_attachment" "monitoring" {
  count = var.monitoring_interval > 0 ? 1 : 0

  role       = aws_iam_role.monitoring[0].name
  policy_arn = "arn:${data.aws_partition.current.partition}:iam::aws:policy/service-role/AmazonRDSEnhancedMonitoringRole"
}

################################################################################
# Cluster and instances
################################################################################

resource "aws_rds_cluster" "this" {
  cluster_identifier = var.name
  engine             = local.engine
  engine_mode        = "provisioned"
  engine_version     = var.engine_version
  database_name      = var.database_name
  port               = local.port

  master_username               = var.master_username
  manage_master_user_password   = true # RDS generates and rotates it in Secrets Manager
  master_user_secret_kms_key_id = local.kms_key_arn

  iam_database_authentication_enabled = var.iam_database_authentication_enabled

  db_subnet_group_name            = aws_db_subnet_group.this.name
  vpc_security_group_ids          = [aws_security_group.this.id]
  db_cluster_parameter_group_name = aws_rds_cluster_parameter_group.this.name

  storage_encrypted = true
  kms_key_id        = local.kms_key_arn

  backup_retention_period      = var.backup_retention_period
  preferred_backup_window      = var.preferred_backup_window
  preferred_maintenance_window = var.preferred_maintenance_window
  copy_tags_to_snapshot        = true
  deletion_protection          = var.deletion_protection
  skip_final_snapshot          = var.skip_final_snapshot
  final_snapshot_identifier    = var.skip_final_snapshot ? null : "${var.name}-final"

  enabled_cloudwatch_logs_exports = var.enabled_cloudwatch_logs_exports
  apply_immediately               = var.apply_immediately

  dynamic "serverlessv2_scaling_configuration" {
    for_each = local.serverless ? [1] : []
    content {
      min_capacity = var.serverless_min_capacity
      max_capacity = var.serverless_max_capacity
    }
  }

  tags = merge(var.tags, { Name = var.name })

  depends_on = [aws_cloudwatch_log_group.this]
}

resource "aws_rds_cluster_instance" "this" {
  count = local.instance_count

  identifier           = "${var.name}-${count.index + 1}"
  cluster_identifier   = aws_rds_cluster.this.id
  engine               = aws_rds_cluster.this.engine
  engine_version       = aws_rds_cluster.this.engine_version
  instance_class       = local.instance_class
  db_subnet_group_name = aws_db_subnet_group.this.name
  availability_zone    = length(var.availability_zones) > 0 ? var.availability_zones[count.index % length(var.availability_zones)] : null

  db_parameter_group_name    = aws_db_parameter_group.this.name
  publicly_accessible        = false
  auto_minor_version_upgrade = true
  ca_cert_identifier         = var.ca_cert_identifier
  promotion_tier             = count.index == 0 ? 0 : 1
  copy_tags_to_snapshot      = true
  apply_immediately          = var.apply_immediately

  performance_insights_enabled          = var.performance_insights_enabled
  performance_insights_kms_key_id       = var.performance_insights_enabled ? local.kms_key_arn : null
  performance_insights_retention_period = var.performance_insights_enabled ? var.performance_insights_retention_period : null

  monitoring_interval = var.monitoring_interval
  monitoring_role_arn = var.monitoring_interval > 0 ? aws_iam_role.monitoring[0].arn : null

  tags = merge(var.tags, { Name = "${var.name}-${count.index + 1}" })

  depends_on = [aws_iam_role_policy_attachment.monitoring]
}

################################################################################
# Reader auto scaling
################################################################################

resource "aws_appautoscaling_target" "readers" {
  count = var.reader_autoscaling.enabled ? 1 : 0

  service_namespace  = "rds"
  scalable_dimension = "rds:cluster:ReadReplicaCount"
  resource_id        = "cluster:${aws_rds_cluster.this.cluster_identifier}"
  min_capacity       = var.reader_autoscaling.min_readers
  max_capacity       = var.reader_autoscaling.max_readers

  tags = var.tags

  depends_on = [aws_rds_cluster_instance.this]
}

resource "aws_appautoscaling_policy" "readers" {
  count = var.reader_autoscaling.enabled ? 1 : 0

  name               = "${var.name}-reader-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.readers[0].service_namespace
  scalable_dimension = aws_appautoscaling_target.readers[0].scalable_dimension
  resource_id        = aws_appautoscaling_target.readers[0].resource_id

  target_tracking_scaling_policy_configuration {
    target_value       = var.reader_autoscaling.target_cpu_percent
    scale_in_cooldown  = var.reader_autoscaling.scale_in_cooldown
    scale_out_cooldown = var.reader_autoscaling.scale_out_cooldown

    predefined_metric_specification {
      predefined_metric_type = "RDSReaderAverageCPUUtilization"
    }
  }
}

################################################################################
# RDS Proxy (TLS and IAM authentication required)
################################################################################

resource "aws_security_group" "proxy" {
  count = var.create_proxy ? 1 : 0

  name        = "${var.name}-rds-proxy"
  description = "PostgreSQL (5432) to the ${var.name} proxy from the service security groups only"
  vpc_id      = var.vpc_id

  tags = merge(var.tags, { Name = "${var.name}-rds-proxy" })

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_vpc_security_group_ingress_rule" "proxy" {
  for_each = var.create_proxy ? var.allowed_security_group_ids : {}

  security_group_id            = aws_security_group.proxy[0].id
  description                  = "PostgreSQL from ${each.key}"
  ip_protocol                  = "tcp"
  from_port                    = local.port
  to_port                      = local.port
  referenced_security_group_id = each.value

  tags = var.tags
}

resource "aws_vpc_security_group_egress_rule" "proxy_to_cluster" {
  count = var.create_proxy ? 1 : 0

  security_group_id            = aws_security_group.proxy[0].id
  description                  = "PostgreSQL to the cluster"
  ip_protocol                  = "tcp"
  from_port                    = local.port
  to_port                      = local.port
  referenced_security_group_id = aws_security_group.this.id

  tags = var.tags
}

# The proxy reads its login from Secrets Manager, through the VPC's interface
# endpoint: the data subnets have no route out of the VPC.
resource "aws_vpc_security_group_egress_rule" "proxy_to_secrets_manager" {
  count = var.create_proxy ? 1 : 0

  security_group_id            = aws_security_group.proxy[0].id
  description                  = "HTTPS to the Secrets Manager interface endpoint"
  ip_protocol                  = "tcp"
  from_port                    = 443
  to_port                      = 443
  referenced_security_group_id = var.proxy_secrets_manager_endpoint_security_group_id

  tags = var.tags

  lifecycle {
    precondition {
      condition     = var.proxy_secrets_manager_endpoint_security_group_id != null
      error_message = "create_proxy needs proxy_secrets_manager_endpoint_security_group_id: the proxy reads its login from Secrets Manager and the data subnets reach it only through an interface endpoint."
    }
  }
}

resource "aws_iam_role" "proxy" {
  count = var.create_proxy ? 1 : 0

  name = "${var.name}-rds-proxy"
  assume_role_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "rds.amazonaws.com" }
      Action    = "sts:AssumeRole"
    }]
  })

  tags = var.tags
}

# The proxy reads the application role's secret to open its pooled
# connections, and nothing else (never the master secret).
resource "aws_iam_role_policy" "proxy" {
  count = var.create_proxy ? 1 : 0

  name = "read-app-user-secret"
  role = aws_iam_role.proxy[0].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Effect   = "Allow"
        Action   = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
        Resource = local.app_user_secret_arn
      },
      {
        Effect    = "Allow"
        Action    = "kms:Decrypt"
        Resource  = local.kms_key_arn
        Condition = { StringEquals = { "kms:ViaService" = "secretsmanager.${data.aws_region.current.name}.amazonaws.com" } }
      },
    ]
  })
}

resource "aws_db_proxy" "this" {
  count = var.create_proxy ? 1 : 0

  name                   = var.name
  engine_family          = "POSTGRESQL"
  role_arn               = aws_iam_role.proxy[0].arn
  vpc_subnet_ids         = coalesce(var.proxy_subnet_ids, var.subnet_ids)
  vpc_security_group_ids = [aws_security_group.proxy[0].id]
  require_tls            = true
  idle_client_timeout    = var.proxy_idle_client_timeout

  auth {
    auth_scheme               = "SECRETS"
    secret_arn                = local.app_user_secret_arn
    iam_auth                  = "REQUIRED"
    client_password_auth_type = "POSTGRES_SCRAM_SHA_256"
    description               = "${var.app_username}; clients authenticate with IAM tokens"
  }

  tags = var.tags
}

resource "aws_db_proxy_default_target_group" "this" {
  count = var.create_proxy ? 1 : 0

  db_proxy_name = aws_db_proxy.this[0].name

  connection_pool_config {
    max_connections_percent      = var.proxy_max_connections_percent
    max_idle_connections_percent = floor(var.proxy_max_connections_percent / 2)
    connection_borrow_timeout    = 120
  }
}

resource "aws_db_proxy_target" "this" {
  count = var.create_proxy ? 1 : 0

  db_proxy_name         = aws_db_proxy.this[0].name
  target_group_name     = aws_db_proxy_default_target_group.this[0].name
  db_cluster_identifier = aws_rds_cluster.this.cluster_identifier
}

resource "aws_db_proxy_endpoint" "reader" {
  count = var.create_proxy && var.reader_count > 0 ? 1 : 0

  db_proxy_name          = aws_db_proxy.this[0].name
  db_proxy_endpoint_name = "${var.name}-ro"
  vpc_subnet_ids         = coalesce(var.proxy_subnet_ids, var.subnet_ids)
  vpc_security_group_ids = [aws_security_group.proxy[0].id]
  target_role            = "READ_ONLY"

  tags = var.tags
}

################################################################################
# Alarms
################################################################################

resource "aws_cloudwatch_metric_alarm" "cpu" {
  count = var.create_alarms ? local.instance_count : 0

  alarm_name          = "${aws_rds_cluster_instance.this[count.index].identifier}-cpu-high"
  alarm_description   = "CPU of ${aws_rds_cluster_instance.this[count.index].identifier} above ${var.alarm_thresholds.cpu_percent}% for 15 minutes."
  namespace           = "AWS/RDS"
  metric_name         = "CPUUtilization"
  dimensions          = { DBInstanceIdentifier = aws_rds_cluster_instance.this[count.index].identifier }
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 3
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.alarm_thresholds.cpu_percent
  treat_missing_data  = "missing"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions

  tags = var.tags
}

resource "aws_cloudwatch_metric_alarm" "freeable_memory" {
  count = var.create_alarms ? local.instance_count : 0

  alarm_name          = "${aws_rds_cluster_instance.this[count.index].identifier}-freeable-memory-low"
  alarm_description   = "Freeable memory of ${aws_rds_cluster_instance.this[count.index].identifier} below ${var.alarm_thresholds.freeable_memory_mb} MiB."
  namespace           = "AWS/RDS"
  metric_name         = "FreeableMemory"
  dimensions          = { DBInstanceIdentifier = aws_rds_cluster_instance.this[count.index].identifier }
  statistic           = "Average"
  period              = 300
  evaluation_periods  = 3
  comparison_operator = "LessThanThreshold"
  threshold           = var.alarm_thresholds.freeable_memory_mb * 1024 * 1024
  treat_missing_data  = "missing"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions

  tags = var.tags
}

resource "aws_cloudwatch_metric_alarm" "connections" {
  count = var.create_alarms ? 1 : 0

  alarm_name          = "${var.name}-connections-high"
  alarm_description   = "More than ${var.alarm_thresholds.database_connections} connections on ${var.name}: check pool sizes or add the proxy."
  namespace           = "AWS/RDS"
  metric_name         = "DatabaseConnections"
  dimensions          = { DBClusterIdentifier = aws_rds_cluster.this.cluster_identifier }
  statistic           = "Maximum"
  period              = 300
  evaluation_periods  = 2
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.alarm_thresholds.database_connections
  treat_missing_data  = "missing"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions

  tags = var.tags
}

resource "aws_cloudwatch_metric_alarm" "replica_lag" {
  count = var.create_alarms && var.reader_count > 0 ? 1 : 0

  alarm_name          = "${var.name}-replica-lag-high"
  alarm_description   = "A reader of ${var.name} lags the writer by more than ${var.alarm_thresholds.replica_lag_ms} ms."
  namespace           = "AWS/RDS"
  metric_name         = "AuroraReplicaLagMaximum"
  dimensions          = { DBClusterIdentifier = aws_rds_cluster.this.cluster_identifier }
  statistic           = "Maximum"
  period              = 60
  evaluation_periods  = 5
  comparison_operator = "GreaterThanThreshold"
  threshold           = var.alarm_thresholds.replica_lag_ms
  treat_missing_data  = "notBreaching"
  alarm_actions       = var.alarm_actions
  ok_actions          = var.alarm_actions

  tags = var.tags
}
