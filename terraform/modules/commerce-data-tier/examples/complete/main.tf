# The data tier of a small environment with the media store on EFS and Aurora
# Serverless v2 (order-service logs in as order_app with its own secret).
provider "aws" {
  region = "eu-west-1"
}

module "data_tier" {
  source = "../.."

  name                            = "example"
  kms_key_deletion_window_in_days = 7

  vpc_cidr           = "10.42.0.0/16"
  single_nat_gateway = true

  aurora = {
    instance_mode           = "serverless"
    serverless_min_capacity = 0.5
    serverless_max_capacity = 4
    reader_count            = 1
  }
  aurora_backup_retention_days = 7

  redis = {
    node_type               = "cache.t4g.small"
    replicas_per_node_group = 1
  }

  media_store = "efs"
}

output "catalog_service_env" {
  description = "Environment of catalog-service."
  value       = module.data_tier.catalog_service_env
}

output "order_service_env" {
  description = "Environment of order-service."
  value       = module.data_tier.order_service_env
}

output "session_service_env" {
  description = "Environment of session-service (REDIS_AUTH_TOKEN comes from session_service_secrets)."
  value       = module.data_tier.session_service_env
}

output "session_service_secrets" {
  description = "Secrets of session-service (ARNs only)."
  value       = module.data_tier.session_service_secrets
}

output "media_service_env" {
  description = "Environment of media-service (plus MEDIA_EFS_ROOT = the mount path of the access point)."
  value       = module.data_tier.media_service_env
}

output "store_protection" {
  description = "Effective protection of every store."
  value       = module.data_tier.store_protection
}
