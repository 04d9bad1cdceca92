################################################################################
# Per-service environment: keys are the services' environment variable names
################################################################################

output "catalog_service_env" {
  description = "Environment of catalog-service."
  value       = local.service_env["catalog-service"]
}

output "order_service_env" {
  description = "Environment of order-service, which logs in as order_app: through the RDS Proxy with IAM tokens (ORDER_DB_IAM_AUTH=true), or directly with the password it reads from ORDER_DB_SECRET_ARN (order_app's own secret, never the master secret) at run time."
  value       = local.service_env["order-service"]
}

output "order_db_migration" {
  description = "What the one-shot migration task needs: the cluster's writer URL (direct, not through the proxy, which knows only order_app), the master secret (the owner's login, JSON username/password), order_app's login secret and the KMS key of both."
  value       = local.order_db_migration
}

output "session_service_env" {
  description = "Environment of session-service (empty REDIS_URL when ElastiCache is not created). REDIS_AUTH_TOKEN is a secret: see session_service_secrets."
  value       = local.service_env["session-service"]
}

output "session_service_secrets" {
  description = "Secrets of session-service as variable name => Secrets Manager ARN (for ECS `secrets` or a secrets CSI driver); empty without ElastiCache."
  value       = local.service_secrets["session-service"]
}

output "media_service_env" {
  description = "Environment of media-service: MEDIA_BUCKET and MEDIA_KMS_KEY_ID with MEDIA_STORE=s3. With MEDIA_STORE=efs the deployment sets MEDIA_EFS_ROOT to where it mounts media_efs_access_point_id."
  value       = local.service_env["media-service"]
}

################################################################################
# Wiring for the deployment module (ECS or EKS)
################################################################################

output "service_security_group_ids" {
  description = "Map of service name to the security group its tasks/pods must carry (the data stores admit exactly these)."
  value       = module.service_security_groups.security_group_ids
}

output "service_policy_arns" {
  description = "Map of service name to its least-privilege IAM policy ARN (attach to the ECS task role or the IRSA role)."
  value       = module.service_iam.policy_arns
}

output "service_policy_documents" {
  description = "Map of service name to its IAM policy JSON."
  value       = module.service_iam.policy_documents
}

output "ecs_task_assume_role_policy" {
  description = "Trust policy for ECS task roles of this account."
  value       = module.service_iam.ecs_task_assume_role_policy
}

output "vpc_id" {
  description = "VPC of the stack."
  value       = module.network.vpc_id
}

output "private_subnet_ids" {
  description = "Private subnets where the services run."
  value       = module.network.private_subnet_ids
}

output "public_subnet_ids" {
  description = "Public subnets for the services' load balancer."
  value       = module.network.public_subnet_ids
}

output "database_subnet_ids" {
  description = "Isolated subnets of the data stores."
  value       = module.network.database_subnet_ids
}

output "data_store_security_group_ids" {
  description = "Security groups of the data stores (null for stores not created)."
  value = {
    aurora       = module.aurora.security_group_id
    aurora_proxy = module.aurora.proxy_security_group_id
    redis        = var.create_elasticache ? module.redis[0].security_group_id : null
    efs          = local.create_efs ? module.media_efs[0].security_group_id : null
  }
}

################################################################################
# Individual values
################################################################################

output "aws_region" {
  description = "Region of the stack."
  value       = data.aws_region.current.name
}

output "catalog_table_name" {
  description = "CATALOG_TABLE."
  value       = module.catalog_table.table_name
}

output "catalog_table_arn" {
  description = "ARN of the catalog table."
  value       = module.catalog_table.table_arn
}

output "catalog_table_indexes" {
  description = "Global secondary indexes of the catalog table as planned (keys and projections, from terraform/contracts/catalog-table.json)."
  value       = module.catalog_table.global_secondary_indexes
}

output "catalog_table_stream_arn" {
  description = "Stream of the catalog table."
  value       = module.catalog_table.stream_arn
}

output "order_db_cluster_id" {
  description = "Identifier of the order database cluster."
  value       = module.aurora.cluster_id
}

output "order_db_writer_endpoint" {
  description = "Writer endpoint host of the order database."
  value       = module.aurora.writer_endpoint
}

output "order_db_reader_endpoint" {
  description = "Reader endpoint host of the order database."
  value       = module.aurora.reader_endpoint
}

output "order_db_url" {
  description = "ORDER_DB_URL."
  value       = module.aurora.connect_url
}

output "order_db_reader_url" {
  description = "ORDER_DB_READER_URL."
  value       = module.aurora.connect_reader_url
}

output "order_db_app_secret_arn" {
  description = "Secret of order_app's login (JSON username/password): read by the RDS Proxy, set on the role by the migration task; ORDER_DB_SECRET_ARN without the proxy."
  value       = module.aurora.app_user_secret_arn
}

output "order_db_master_secret_arn" {
  description = "RDS-managed master secret: for the migration task only."
  value       = module.aurora.master_user_secret_arn
}

output "order_db_iam_connect_resource_id" {
  description = "Resource ID in order-service's rds-db:connect ARN (the proxy's prx-... with the proxy)."
  value       = module.aurora.iam_connect_resource_id
}

output "alarm_actions" {
  description = "What every alarm of the stack notifies (the given alarm_actions, or the stack's own topic)."
  value       = local.alarm_actions
}

output "media_bucket_access_log_bucket" {
  description = "Bucket receiving the media bucket's server access logs (null without the S3 store)."
  value       = local.create_s3 ? module.media_bucket[0].access_log_bucket_name : null
}

output "interface_endpoints_security_group_id" {
  description = "Security group of the VPC's interface endpoints (null without any)."
  value       = module.network.interface_endpoints_security_group_id
}

output "interface_endpoints" {
  description = "AWS services reached through interface endpoints."
  value       = local.interface_endpoints
}

output "redis_url" {
  description = "REDIS_URL (null without ElastiCache)."
  value       = var.create_elasticache ? module.redis[0].url : null
}

output "redis_auth_secret_arn" {
  description = "Secret whose plain-string value is REDIS_AUTH_TOKEN (null without ElastiCache)."
  value       = var.create_elasticache ? module.redis[0].auth_token_secret_arn : null
}

output "media_bucket_name" {
  description = "MEDIA_BUCKET (null without the S3 store)."
  value       = local.create_s3 ? module.media_bucket[0].bucket_name : null
}

output "media_kms_key_arn" {
  description = "MEDIA_KMS_KEY_ID (null without the S3 store)."
  value       = local.create_s3 ? module.media_bucket[0].kms_key_arn : null
}

output "media_efs_file_system_id" {
  description = "EFS file system of the media-service volume (null without the EFS store)."
  value       = local.create_efs ? module.media_efs[0].file_system_id : null
}

output "media_efs_access_point_id" {
  description = "EFS access point the media-service volume mounts through (null without the EFS store)."
  value       = local.create_efs ? module.media_efs[0].access_point_id : null
}

output "store_protection" {
  description = "Effective protection of every data store (encryption, backups/PITR, deletion protection, Multi-AZ), read back from the resources; null for stores not created."
  value = {
    catalog_table = module.catalog_table.protection
    order_db      = module.aurora.protection
    session_redis = var.create_elasticache ? module.redis[0].protection : null
    media_bucket  = local.create_s3 ? module.media_bucket[0].protection : null
    media_efs     = local.create_efs ? { encrypted = module.media_efs[0].encrypted, backup_enabled = module.media_efs[0].backup_enabled } : null
  }
}

################################################################################
# Everything the deployment (commerce-services) wires into the services
################################################################################

output "for_services" {
  description = "What the deployment hands the services: network placement, each service's security group and policy, its data-tier environment and secrets (with their KMS keys), the EFS volume of media-service and what the migration task needs."
  value = {
    vpc_id                      = module.network.vpc_id
    private_subnet_ids          = module.network.private_subnet_ids
    public_subnet_ids           = module.network.public_subnet_ids
    service_security_group_ids  = module.service_security_groups.security_group_ids
    service_policy_arns         = module.service_iam.policy_arns
    service_env                 = local.service_env
    service_secrets             = local.service_secrets
    service_secret_kms_key_arns = local.service_secret_kms_key_arns
    media_efs = var.media_store == "efs" ? {
      file_system_id  = module.media_efs[0].file_system_id
      access_point_id = module.media_efs[0].access_point_id
    } : null
    order_db_migration = local.order_db_migration
  }
}
