output "replication_group_id" {
  description = "ID of the replication group."
  value       = aws_elasticache_replication_group.this.id
}

output "replication_group_arn" {
  description = "ARN of the replication group."
  value       = aws_elasticache_replication_group.this.arn
}

output "endpoint" {
  description = "Host clients connect to: the configuration endpoint in cluster mode, the primary endpoint otherwise."
  value       = var.cluster_mode_enabled ? aws_elasticache_replication_group.this.configuration_endpoint_address : aws_elasticache_replication_group.this.primary_endpoint_address
}

output "reader_endpoint" {
  description = "Reader endpoint host (cluster mode off only; null in cluster mode)."
  value       = var.cluster_mode_enabled ? null : aws_elasticache_replication_group.this.reader_endpoint_address
}

output "port" {
  description = "Redis port."
  value       = local.port
}

output "url" {
  description = "rediss://<endpoint>:6379, TLS (the service's `REDIS_URL`; the AUTH token comes from the secret)."
  value       = "rediss://${var.cluster_mode_enabled ? aws_elasticache_replication_group.this.configuration_endpoint_address : aws_elasticache_replication_group.this.primary_endpoint_address}:${local.port}"
}

output "cluster_mode_enabled" {
  description = "Whether cluster mode is on (the service's `REDIS_CLIENT_TYPE` is `cluster` then, `standalone` otherwise)."
  value       = var.cluster_mode_enabled
}

output "auth_token_secret_arn" {
  description = "ARN of the Secrets Manager secret holding the AUTH token as a plain string (injected as the service's `REDIS_AUTH_TOKEN`)."
  value       = aws_secretsmanager_secret.auth_token.arn
}

output "kms_key_arn" {
  description = "ARN of the KMS key encrypting the data at rest and the AUTH token secret."
  value       = local.kms_key_arn
}

output "security_group_id" {
  description = "Security group of the replication group."
  value       = aws_security_group.this.id
}

output "parameter_group_name" {
  description = "Name of the parameter group."
  value       = aws_elasticache_parameter_group.this.name
}

output "member_cluster_ids" {
  description = "Node (cache cluster) IDs of the group, as named by ElastiCache."
  value       = local.node_ids
}

output "log_group_names" {
  description = "Map of log type (slow-log, engine-log) to its CloudWatch log group."
  value       = { for k, g in aws_cloudwatch_log_group.this : k => g.name }
}

output "alarm_arns" {
  description = "Map of alarm key to CloudWatch alarm ARN."
  value       = { for k, a in aws_cloudwatch_metric_alarm.node : k => a.arn }
}

output "protection" {
  description = "Effective protection of the replication group: encryption at rest and in transit, Multi-AZ, automatic failover, snapshot retention."
  value = {
    at_rest_encryption_enabled = tobool(aws_elasticache_replication_group.this.at_rest_encryption_enabled)
    transit_encryption_enabled = aws_elasticache_replication_group.this.transit_encryption_enabled
    multi_az_enabled           = aws_elasticache_replication_group.this.multi_az_enabled
    automatic_failover_enabled = aws_elasticache_replication_group.this.automatic_failover_enabled
    snapshot_retention_limit   = aws_elasticache_replication_group.this.snapshot_retention_limit
  }
}
