mock_provider "aws" {}

# Distinct ARNs for the master secret (RDS-managed) and the application login,
# so a proxy or policy that picked the wrong one would show.
override_resource {
  target          = aws_rds_cluster.this
  override_during = plan
  values = {
    master_user_secret = [{ secret_arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:rds!cluster-master-AbCdEf", kms_key_id = "k", secret_status = "active" }]
  }
}

override_resource {
  target          = aws_secretsmanager_secret.app_user
  override_during = plan
  values          = { arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:commerce-test-orders/db-users/order_app-GhIjKl", id = "order_app-secret" }
}

override_resource {
  target          = aws_db_proxy.this
  override_during = plan
  values          = { arn = "arn:aws:rds:us-east-1:123456789012:db-proxy:prx-0123456789abcdef0", endpoint = "commerce-test-orders.proxy-abc.us-east-1.rds.amazonaws.com" }
}

override_resource {
  target          = aws_kms_key.this
  override_during = plan
  values          = { arn = "arn:aws:kms:us-east-1:123456789012:key/aaaaaaaa-1111-2222-3333-444444444444", key_id = "aaaaaaaa-1111-2222-3333-444444444444" }
}

override_data {
  target = data.aws_secretsmanager_random_password.app_user
  values = { random_password = "generated-password-of-48-characters-0123456789ab" }
}

override_data {
  target = data.aws_region.current
  values = { name = "us-east-1" }
}

override_data {
  target = data.aws_partition.current
  values = { partition = "aws" }
}

variables {
  proxy_secrets_manager_endpoint_security_group_id = "sg-0secretsendpoint01"
  name                                             = "commerce-test-orders"
  vpc_id                                           = "vpc-0123456789abcdef0"
  subnet_ids                                       = ["subnet-0000000000000000a", "subnet-0000000000000000b", "subnet-0000000000000000c"]
  allowed_security_group_ids                       = { "order-service" = "sg-0123456789abcdef0" }
}

run "secure_defaults" {
  command = plan

  assert {
    condition     = aws_rds_cluster.this.engine == "aurora-postgresql" && aws_rds_cluster.this.storage_encrypted
    error_message = "Aurora PostgreSQL with storage encryption."
  }

  assert {
    condition     = aws_rds_cluster.this.manage_master_user_password && aws_rds_cluster.this.iam_database_authentication_enabled
    error_message = "Master password managed in Secrets Manager; IAM database authentication on."
  }

  assert {
    condition     = aws_rds_cluster.this.deletion_protection && !aws_rds_cluster.this.skip_final_snapshot
    error_message = "Deletion protection and a final snapshot by default."
  }

  assert {
    condition     = aws_rds_cluster.this.backup_retention_period >= 7 && aws_rds_cluster.this.preferred_backup_window == "02:00-03:00"
    error_message = "Backups (point-in-time recovery) kept at least 7 days by default."
  }

  assert {
    condition     = length(aws_rds_cluster_instance.this) == 2 && alltrue([for i in aws_rds_cluster_instance.this : !i.publicly_accessible && i.performance_insights_enabled && i.monitoring_interval == 60])
    error_message = "Writer plus one reader, private, with Performance Insights and Enhanced Monitoring."
  }

  assert {
    condition     = aws_rds_cluster.this.enabled_cloudwatch_logs_exports == toset(["postgresql"]) && aws_cloudwatch_log_group.this["postgresql"].retention_in_days == 30
    error_message = "PostgreSQL logs are exported with a retention."
  }

  assert {
    condition     = length(aws_cloudwatch_metric_alarm.cpu) == 2 && length(aws_cloudwatch_metric_alarm.freeable_memory) == 2 && length(aws_cloudwatch_metric_alarm.connections) == 1 && length(aws_cloudwatch_metric_alarm.replica_lag) == 1
    error_message = "CPU, freeable memory, connections and replica lag alarms."
  }
}

run "parameter_values" {
  command = plan

  assert {
    condition     = one([for p in aws_rds_cluster_parameter_group.this.parameter : p.value if p.name == "rds.force_ssl"]) == "1"
    error_message = "rds.force_ssl=1: TLS only."
  }

  assert {
    condition     = one([for p in aws_rds_cluster_parameter_group.this.parameter : p.value if p.name == "shared_preload_libraries"]) == "pg_stat_statements,auto_explain"
    error_message = "pg_stat_statements and auto_explain are preloaded."
  }

  assert {
    condition     = one([for p in aws_rds_cluster_parameter_group.this.parameter : p.value if p.name == "log_min_duration_statement"]) == "1000"
    error_message = "Statements slower than 1 s are logged."
  }

  assert {
    condition     = one([for p in aws_rds_cluster_parameter_group.this.parameter : p.value if p.name == "idle_in_transaction_session_timeout"]) == "60000" && one([for p in aws_rds_cluster_parameter_group.this.parameter : p.value if p.name == "statement_timeout"]) == "30000"
    error_message = "Idle-in-transaction and statement timeouts are set."
  }

  assert {
    condition     = aws_rds_cluster_parameter_group.this.family == "aurora-postgresql16"
    error_message = "The parameter group family follows the engine major version."
  }
}

run "ingress_only_from_service_security_groups" {
  command = plan

  assert {
    condition     = length(aws_vpc_security_group_ingress_rule.postgres) == 1 && alltrue([for r in aws_vpc_security_group_ingress_rule.postgres : r.from_port == 5432 && r.to_port == 5432 && r.cidr_ipv4 == null && r.referenced_security_group_id == "sg-0123456789abcdef0"])
    error_message = "Only 5432 from the order-service security group; no CIDR ingress."
  }
}

run "serverless_with_proxy" {
  command = plan

  variables {
    instance_mode           = "serverless"
    serverless_min_capacity = 0.5
    serverless_max_capacity = 8
    create_proxy            = true
    reader_autoscaling      = { enabled = true, max_readers = 4 }
  }

  assert {
    condition     = aws_rds_cluster.this.serverlessv2_scaling_configuration[0].min_capacity == 0.5 && aws_rds_cluster.this.serverlessv2_scaling_configuration[0].max_capacity == 8
    error_message = "Serverless v2 ACU range from the inputs."
  }

  assert {
    condition     = alltrue([for i in aws_rds_cluster_instance.this : i.instance_class == "db.serverless"])
    error_message = "Serverless v2 instances."
  }

  assert {
    condition     = aws_db_proxy.this[0].require_tls && one(aws_db_proxy.this[0].auth).iam_auth == "REQUIRED"
    error_message = "The proxy requires TLS and IAM authentication."
  }

  assert {
    condition     = one(aws_db_proxy.this[0].auth).secret_arn == "arn:aws:secretsmanager:us-east-1:123456789012:secret:commerce-test-orders/db-users/order_app-GhIjKl"
    error_message = "The proxy logs in as the application role with its own secret, never with the master secret."
  }

  assert {
    condition     = jsondecode(aws_iam_role_policy.proxy[0].policy).Statement[0].Resource == "arn:aws:secretsmanager:us-east-1:123456789012:secret:commerce-test-orders/db-users/order_app-GhIjKl" && !strcontains(aws_iam_role_policy.proxy[0].policy, "rds!cluster-master")
    error_message = "The proxy role may read the application login only."
  }

  # The proxy runs in the data subnets, which have no route out of the VPC: its
  # only way to Secrets Manager is the interface endpoint.
  assert {
    condition     = aws_vpc_security_group_egress_rule.proxy_to_secrets_manager[0].referenced_security_group_id == "sg-0secretsendpoint01" && aws_vpc_security_group_egress_rule.proxy_to_secrets_manager[0].from_port == 443 && aws_vpc_security_group_egress_rule.proxy_to_secrets_manager[0].to_port == 443 && aws_vpc_security_group_egress_rule.proxy_to_secrets_manager[0].cidr_ipv4 == null
    error_message = "The proxy needs HTTPS egress to the Secrets Manager endpoint, and only there."
  }

  assert {
    condition     = aws_appautoscaling_target.readers[0].max_capacity == 4
    error_message = "Reader auto scaling up to max_readers."
  }
}

run "application_login_secret" {
  command = plan

  assert {
    condition     = jsondecode(aws_secretsmanager_secret_version.app_user.secret_string).username == "order_app" && length(jsondecode(aws_secretsmanager_secret_version.app_user.secret_string).password) >= 32
    error_message = "The application login holds order_app and a generated password, in the JSON format RDS Proxy reads."
  }

  assert {
    condition     = aws_secretsmanager_secret.app_user.name == "commerce-test-orders/db-users/order_app" && output.app_user_secret_arn != output.master_user_secret_arn
    error_message = "The application login is a secret of its own, not the master secret."
  }
}

run "proxy_without_secrets_manager_endpoint_is_refused" {
  command = plan

  variables {
    create_proxy                                     = true
    proxy_secrets_manager_endpoint_security_group_id = null
  }

  expect_failures = [aws_vpc_security_group_egress_rule.proxy_to_secrets_manager]
}

run "rejects_turning_off_force_ssl" {
  command = plan

  variables {
    cluster_parameters = [{ name = "rds.force_ssl", value = "0" }]
  }

  expect_failures = [var.cluster_parameters]
}

run "rejects_no_backups" {
  command = plan

  variables {
    backup_retention_period = 0
  }

  expect_failures = [var.backup_retention_period]
}

run "rejects_single_subnet" {
  command = plan

  variables {
    subnet_ids = ["subnet-0000000000000000a"]
  }

  expect_failures = [var.subnet_ids]
}

run "encryption_key_and_network_isolation" {
  command = plan

  variables {
    create_proxy = true
  }

  assert {
    condition     = length(aws_kms_key.this) == 1 && aws_kms_key.this[0].enable_key_rotation
    error_message = "A dedicated KMS key with rotation must encrypt the cluster."
  }

  assert {
    condition     = one([for p in aws_rds_cluster_parameter_group.this.parameter : p.value if p.name == "ssl_min_protocol_version"]) == "TLSv1.2"
    error_message = "Clients must use TLS 1.2 or later."
  }

  assert {
    condition     = alltrue([for r in aws_vpc_security_group_ingress_rule.proxy : r.from_port == 5432 && r.cidr_ipv4 == null && r.cidr_ipv6 == null])
    error_message = "The proxy must admit 5432 from security groups only, never from a CIDR."
  }

  assert {
    condition     = alltrue([for r in aws_vpc_security_group_ingress_rule.postgres : r.cidr_ipv6 == null && r.prefix_list_id == null])
    error_message = "The cluster must admit no CIDR or prefix list."
  }

  assert {
    condition     = alltrue([for i in aws_rds_cluster_instance.this : i.ca_cert_identifier == "rds-ca-rsa2048-g1" && !i.publicly_accessible])
    error_message = "Instances must be private and use the pinned CA."
  }
}

run "instance_parameters" {
  command = plan

  assert {
    condition     = one([for p in aws_db_parameter_group.this.parameter : p.value if p.name == "auto_explain.log_min_duration"]) == "1000" && one([for p in aws_db_parameter_group.this.parameter : p.value if p.name == "log_lock_waits"]) == "1"
    error_message = "Instances must log plans of slow statements and lock waits."
  }

  assert {
    condition     = one([for p in aws_rds_cluster_parameter_group.this.parameter : p.apply_method if p.name == "shared_preload_libraries"]) == "pending-reboot"
    error_message = "shared_preload_libraries only applies on reboot."
  }
}

run "rejects_invalid_monitoring_interval" {
  command = plan

  variables {
    monitoring_interval = 7
  }

  expect_failures = [var.monitoring_interval]
}

run "rejects_cidr_like_allowed_group" {
  command = plan

  variables {
    allowed_security_group_ids = { "anyone" = "0.0.0.0/0" }
  }

  expect_failures = [var.allowed_security_group_ids]
}
