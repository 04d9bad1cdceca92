output "cluster_id" {
  description = "Identifier of the cluster."
  value       = aws_rds_cluster.this.id
}

output "cluster_arn" {
  description = "ARN of the cluster."
  value       = aws_rds_cluster.this.arn
}

output "cluster_resource_id" {
  description = "Resource ID of the cluster (cluster-...), used in rds-db:connect ARNs for IAM authentication."
  value       = aws_rds_cluster.this.cluster_resource_id
}

output "writer_endpoint" {
  description = "Cluster (writer) endpoint host name."
  value       = aws_rds_cluster.this.endpoint
}

output "reader_endpoint" {
  description = "Reader endpoint host name (load-balanced over the readers; the writer when there are none)."
  value       = aws_rds_cluster.this.reader_endpoint
}

output "port" {
  description = "PostgreSQL port."
  value       = local.port
}

output "database_name" {
  description = "Name of the application database."
  value       = aws_rds_cluster.this.database_name
}

output "master_username" {
  description = "Master user name."
  value       = aws_rds_cluster.this.master_username
}

output "master_user_secret_arn" {
  description = "ARN of the Secrets Manager secret RDS keeps the master credentials in (JSON with username and password): for the one-shot migration task only, never for the running service."
  value       = local.master_user_secret_arn
}

output "app_username" {
  description = "Application role the service logs in as."
  value       = var.app_username
}

output "app_user_secret_arn" {
  description = "ARN of the secret holding the application role's login (JSON username/password): read by the proxy, set on the role by the migration task, read by the service only without the proxy."
  value       = local.app_user_secret_arn
}

output "kms_key_arn" {
  description = "ARN of the KMS key encrypting storage, Performance Insights and the master user secret."
  value       = local.kms_key_arn
}

output "iam_database_authentication_enabled" {
  description = "Whether IAM authentication tokens are accepted."
  value       = aws_rds_cluster.this.iam_database_authentication_enabled
}

output "security_group_id" {
  description = "Security group of the cluster."
  value       = aws_security_group.this.id
}

output "instance_ids" {
  description = "Identifiers of the instances managed here (the first is created as writer)."
  value       = aws_rds_cluster_instance.this[*].identifier
}

output "cluster_parameter_group_name" {
  description = "Name of the cluster parameter group."
  value       = aws_rds_cluster_parameter_group.this.name
}

output "instance_parameter_group_name" {
  description = "Name of the instance parameter group."
  value       = aws_db_parameter_group.this.name
}

output "monitoring_role_arn" {
  description = "Enhanced Monitoring role ARN, or null."
  value       = try(aws_iam_role.monitoring[0].arn, null)
}

output "log_group_names" {
  description = "Map of exported log type to its CloudWatch log group."
  value       = { for k, g in aws_cloudwatch_log_group.this : k => g.name }
}

output "proxy_endpoint" {
  description = "Read/write endpoint of the RDS Proxy, or null."
  value       = try(aws_db_proxy.this[0].endpoint, null)
}

output "proxy_reader_endpoint" {
  description = "Read-only endpoint of the RDS Proxy, or null."
  value       = try(aws_db_proxy_endpoint.reader[0].endpoint, null)
}

output "proxy_arn" {
  description = "ARN of the RDS Proxy, or null."
  value       = try(aws_db_proxy.this[0].arn, null)
}

output "proxy_security_group_id" {
  description = "Security group of the RDS Proxy, or null."
  value       = try(aws_security_group.proxy[0].id, null)
}

# What clients should use: the proxy when there is one, the cluster otherwise.
output "connect_endpoint" {
  description = "Host clients connect to for writes (the proxy when enabled)."
  value       = var.create_proxy ? aws_db_proxy.this[0].endpoint : aws_rds_cluster.this.endpoint
}

output "connect_reader_endpoint" {
  description = "Host clients connect to for reads (the proxy's read-only endpoint when enabled and there are readers)."
  value       = var.create_proxy && var.reader_count > 0 ? aws_db_proxy_endpoint.reader[0].endpoint : aws_rds_cluster.this.reader_endpoint
}

output "connect_url" {
  description = "postgresql://<host>:5432/<db> for writes (the service's `ORDER_DB_URL`)."
  value       = "postgresql://${var.create_proxy ? aws_db_proxy.this[0].endpoint : aws_rds_cluster.this.endpoint}:${local.port}/${var.database_name}"
}

output "connect_reader_url" {
  description = "postgresql://<host>:5432/<db> for reads (the service's `ORDER_DB_READER_URL`)."
  value       = "postgresql://${var.create_proxy && var.reader_count > 0 ? aws_db_proxy_endpoint.reader[0].endpoint : aws_rds_cluster.this.reader_endpoint}:${local.port}/${var.database_name}"
}

output "iam_connect_resource_id" {
  description = "Resource ID to put in rds-db:connect ARNs: the proxy's (prx-...) when enabled, else the cluster's (cluster-...)."
  value       = var.create_proxy ? local.proxy_resource_id : aws_rds_cluster.this.cluster_resource_id
}

output "alarm_arns" {
  description = "ARNs of the CloudWatch alarms."
  value = concat(
    aws_cloudwatch_metric_alarm.cpu[*].arn,
    aws_cloudwatch_metric_alarm.freeable_memory[*].arn,
    aws_cloudwatch_metric_alarm.connections[*].arn,
    aws_cloudwatch_metric_alarm.replica_lag[*].arn,
  )
}

output "protection" {
  description = "Effective data protection of the cluster: storage encryption, backup retention (days of point-in-time recovery), deletion protection, instance class and count."
  value = {
    storage_encrypted       = aws_rds_cluster.this.storage_encrypted
    backup_retention_period = aws_rds_cluster.this.backup_retention_period
    deletion_protection     = aws_rds_cluster.this.deletion_protection
    instance_class          = local.instance_class
    instance_count          = local.instance_count
  }
}
