output "table_name" {
  description = "Name of the table (the service's `CATALOG_TABLE`)."
  value       = local.table.name
}

output "table_arn" {
  description = "ARN of the table."
  value       = local.table.arn
}

output "index_arns" {
  description = "Map of global secondary index name to its ARN (for IAM policies)."
  value       = { for g in var.global_secondary_indexes : g.name => "${local.table.arn}/index/${g.name}" }
}

output "stream_arn" {
  description = "ARN of the table's stream, or null when streams are off."
  value       = var.stream_view_type == null ? null : local.table.stream_arn
}

output "stream_label" {
  description = "Timestamp label of the current stream, or null."
  value       = var.stream_view_type == null ? null : local.table.stream_label
}

output "kms_key_arn" {
  description = "ARN of the KMS key encrypting the table."
  value       = local.kms_key_arn
}

output "hash_key" {
  description = "Partition key attribute name."
  value       = var.hash_key
}

output "range_key" {
  description = "Sort key attribute name (null when there is none)."
  value       = var.range_key
}

output "ttl_attribute" {
  description = "TTL attribute name, or null when TTL is off."
  value       = var.ttl_attribute
}

output "region" {
  description = "Region of the table (the service's `AWS_REGION`)."
  value       = data.aws_region.current.name
}

output "alarm_arns" {
  description = "Map of alarm key to CloudWatch alarm ARN."
  value       = { for k, a in aws_cloudwatch_metric_alarm.throttles : k => a.arn }
}

output "protection" {
  description = "Effective data protection and shape of the table: point-in-time recovery, deletion protection, KMS encryption, TTL attribute, stream view type."
  value = {
    point_in_time_recovery_enabled = one(local.table.point_in_time_recovery).enabled
    deletion_protection_enabled    = local.table.deletion_protection_enabled
    kms_encryption_enabled         = one(local.table.server_side_encryption).enabled
    ttl_attribute                  = try(one(local.table.ttl).attribute_name, null)
    stream_view_type               = local.table.stream_view_type
  }
}

output "global_secondary_indexes" {
  description = "The indexes as planned on the table: name, key attributes, projection type and projected non-key attributes."
  value = [for g in local.table.global_secondary_index : {
    name               = g.name
    hash_key           = g.hash_key
    range_key          = g.range_key
    projection_type    = g.projection_type
    non_key_attributes = g.non_key_attributes == null ? [] : sort(g.non_key_attributes)
  }]
}
