mock_provider "aws" {}

# The mock would return a random short string; ElastiCache validates the token's shape.
override_data {
  target = data.aws_secretsmanager_random_password.auth_token
  values = { random_password = "0123456789abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ01" }
}

variables {
  name                       = "commerce-test-sessions"
  vpc_id                     = "vpc-0123456789abcdef0"
  subnet_ids                 = ["subnet-0000000000000000a", "subnet-0000000000000000b", "subnet-0000000000000000c"]
  allowed_security_group_ids = { "session-service" = "sg-0123456789abcdef0" }
}

run "encryption_and_auth" {
  command = plan

  assert {
    condition     = aws_elasticache_replication_group.this.at_rest_encryption_enabled == "true"
    error_message = "Encryption at rest must be on."
  }

  assert {
    condition     = aws_elasticache_replication_group.this.transit_encryption_enabled && aws_elasticache_replication_group.this.transit_encryption_mode == "required"
    error_message = "In-transit encryption must be on and required."
  }

  assert {
    condition     = length(aws_secretsmanager_secret_version.generated) == 1 && length(aws_kms_key.this) == 1
    error_message = "A generated AUTH token is stored in Secrets Manager, encrypted with the module's KMS key."
  }

  assert {
    condition     = aws_elasticache_replication_group.this.automatic_failover_enabled && aws_elasticache_replication_group.this.multi_az_enabled
    error_message = "Multi-AZ with automatic failover by default."
  }

  assert {
    condition     = aws_elasticache_replication_group.this.num_cache_clusters == 2
    error_message = "Cluster mode off: one primary and one replica by default."
  }
}

run "parameters_and_logs" {
  command = plan

  assert {
    condition     = one([for p in aws_elasticache_parameter_group.this.parameter : p.value if p.name == "maxmemory-policy"]) == "volatile-lru"
    error_message = "maxmemory-policy is volatile-lru: only keys with a TTL (sessions, carts, caches) are evicted."
  }

  assert {
    condition     = toset([for l in aws_elasticache_replication_group.this.log_delivery_configuration : l.log_type]) == toset(["slow-log", "engine-log"])
    error_message = "Slow and engine logs are delivered."
  }

  assert {
    condition     = length(aws_cloudwatch_metric_alarm.node) == 6
    error_message = "Evictions, memory and CPU alarms on each of the two nodes."
  }
}

run "ingress_only_from_service_security_groups" {
  command = plan

  assert {
    condition     = length(aws_vpc_security_group_ingress_rule.redis) == 1 && alltrue([for r in aws_vpc_security_group_ingress_rule.redis : r.from_port == 6379 && r.to_port == 6379 && r.cidr_ipv4 == null && r.referenced_security_group_id == "sg-0123456789abcdef0"])
    error_message = "Only 6379 from the session-service security group; no CIDR ingress."
  }
}

run "cluster_mode" {
  command = plan

  variables {
    cluster_mode_enabled    = true
    num_node_groups         = 3
    replicas_per_node_group = 2
  }

  assert {
    condition     = aws_elasticache_replication_group.this.num_node_groups == 3 && aws_elasticache_replication_group.this.replicas_per_node_group == 2
    error_message = "Cluster mode uses the shard and replica counts."
  }

  assert {
    condition     = one([for p in aws_elasticache_parameter_group.this.parameter : p.value if p.name == "cluster-enabled"]) == "yes"
    error_message = "The parameter group turns cluster mode on."
  }
}

run "rejects_multi_az_without_replica" {
  command = plan

  variables {
    replicas_per_node_group = 0
  }

  expect_failures = [var.multi_az_enabled]
}

run "rejects_unknown_eviction_policy" {
  command = plan

  variables {
    maxmemory_policy = "evict-everything"
  }

  expect_failures = [var.maxmemory_policy]
}

run "snapshots_and_protection" {
  command = plan

  assert {
    condition     = aws_elasticache_replication_group.this.snapshot_retention_limit == 7 && aws_elasticache_replication_group.this.snapshot_window == "03:00-04:00"
    error_message = "Daily snapshots must be kept 7 days by default."
  }

  assert {
    condition     = aws_elasticache_replication_group.this.final_snapshot_identifier != null
    error_message = "A final snapshot must be taken on delete."
  }

  assert {
    condition     = aws_secretsmanager_secret.auth_token.recovery_window_in_days == 7
    error_message = "A deleted AUTH token secret must stay recoverable for 7 days."
  }

  assert {
    condition     = alltrue([for r in aws_vpc_security_group_ingress_rule.redis : r.cidr_ipv6 == null && r.prefix_list_id == null])
    error_message = "Redis must admit no CIDR or prefix list."
  }
}

run "rejects_auth_token_with_forbidden_characters" {
  command = plan

  variables {
    auth_token = "short@token/with\"quotes"
  }

  expect_failures = [var.auth_token]
}

run "rejects_old_engine_without_tls_auth" {
  command = plan

  variables {
    engine_version = "5.0"
  }

  expect_failures = [var.engine_version]
}
