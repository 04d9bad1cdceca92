# Everything a test needs to read the deployment back from the emulator and
# run the services as ECS would: task definitions and roles per service, the
# user pool and its clients, the secrets, the stores.

output "task_definitions" {
  description = "Per service: task definition ARN and family, task and execution role ARNs (assume the task role to run the service with exactly its permissions)."
  value       = module.services.task_definitions
}

output "order_db_migration_task" {
  description = "The one-shot migration task of order-service: task definition, roles, network."
  value       = module.services.order_db_migration_task
}

output "service_secret_arns" {
  description = "Per service, the secrets of its task definition (variable => Secrets Manager ARN)."
  value       = module.services.service_secret_arns
}

output "service_environment_names" {
  description = "Per service, the variables of its task definition (checked against the contract)."
  value       = module.services.service_environment_names
}

output "identity" {
  description = "The user pool, its app clients (IDs and scopes, secrets in client_secret_arns) and the URLs handed to the services."
  value = {
    user_pool_id       = module.identity.user_pool_id
    client_ids         = module.identity.client_ids
    client_scopes      = module.identity.client_scopes
    client_secret_arns = module.identity.client_secret_arns
    issuer             = module.identity.issuer
    jwks_url           = module.identity.jwks_url
    token_url          = module.identity.token_url
  }
}

output "catalog_service_env" {
  description = "Environment of catalog-service from the data tier (CATALOG_TABLE)."
  value       = module.data_tier.catalog_service_env
}

output "order_service_env" {
  description = "Environment of order-service from the data tier."
  value       = module.data_tier.order_service_env
}

output "session_service_env" {
  description = "Environment of session-service (REDIS_URL empty: ElastiCache is off on the emulator)."
  value       = module.data_tier.session_service_env
}

output "media_service_env" {
  description = "Environment of media-service from the data tier (MEDIA_BUCKET, MEDIA_KMS_KEY_ID)."
  value       = module.data_tier.media_service_env
}

output "order_db_app_secret_arn" {
  description = "order_app's login secret."
  value       = module.data_tier.order_db_app_secret_arn
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

output "order_db_master_secret_arn" {
  description = "The RDS-managed master secret: read only by the migration task's execution role."
  value       = module.data_tier.order_db_master_secret_arn
}
