output "catalog_service_env" {
  description = "Environment of catalog-service."
  value       = module.data_tier.catalog_service_env
}

output "order_service_env" {
  description = "Environment of order-service."
  value       = module.data_tier.order_service_env
}

output "session_service_env" {
  description = "Environment of session-service (REDIS_URL empty: ElastiCache is off on the emulator)."
  value       = module.data_tier.session_service_env
}

output "media_service_env" {
  description = "Environment of media-service."
  value       = module.data_tier.media_service_env
}

output "service_security_group_ids" {
  description = "Security group of each service."
  value       = module.data_tier.service_security_group_ids
}

output "service_policy_arns" {
  description = "IAM policy ARN of each service."
  value       = module.data_tier.service_policy_arns
}

output "aurora_cluster_id" {
  description = "Identifier of the order database cluster (checked by CI)."
  value       = module.data_tier.order_db_cluster_id
}

output "media_efs_file_system_id" {
  description = "EFS file system of media-service (checked by CI)."
  value       = module.data_tier.media_efs_file_system_id
}

output "media_efs_access_point_id" {
  description = "EFS access point of media-service (checked by CI)."
  value       = module.data_tier.media_efs_access_point_id
}
