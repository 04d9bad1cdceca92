# Output names in capitals are the services' environment variable names (see
# terraform/README.md for the mapping per service). Secrets are never output:
# only the ARNs of the Secrets Manager secrets that hold them, for ECS
# `secrets`/`valueFrom` or the Secrets Store CSI driver on EKS.

# All services
output "AWS_REGION" {
  description = "catalog-, order- and media-service: region of the stores."
  value       = module.data_tier.aws_region
}

output "JWT_ISSUER" {
  description = "All services: expected `iss` of the access tokens."
  value       = var.jwt_issuer
}

output "JWT_PUBLIC_KEY_LOCATION" {
  description = "All services (required in the prod profile): URL of the issuer's public keys (JWKS)."
  value       = var.jwt_public_key_location
}

output "SERVICE_TOKEN_SECRET_ARN" {
  description = "All services: secret whose plain-string value is SERVICE_TOKEN (null when not configured)."
  value       = var.service_token_secret_arn
}

output "CURSOR_SIGNING_KEY_SECRET_ARN" {
  description = "All services: secret whose plain-string value is CURSOR_SIGNING_KEY (null when not configured)."
  value       = var.cursor_signing_key_secret_arn
}

output "CATALOG_URL" {
  description = "order- and session-service: base URL of catalog-service (ECS Service Connect)."
  value       = local.svc_url["catalog-service"]
}

output "SESSION_URL" {
  description = "catalog- and order-service: base URL of session-service (ECS Service Connect)."
  value       = local.svc_url["session-service"]
}

output "MEDIA_URL" {
  description = "catalog-service: base URL of media-service (ECS Service Connect)."
  value       = local.svc_url["media-service"]
}

# catalog-service
output "CATALOG_TABLE" {
  description = "catalog-service: DynamoDB table name."
  value       = module.data_tier.catalog_service_env["CATALOG_TABLE"]
}

# order-service
output "ORDER_DB_URL" {
  description = "order-service (required): postgresql://<writer or proxy>:5432/orders."
  value       = module.data_tier.order_service_env["ORDER_DB_URL"]
}

output "ORDER_DB_READER_URL" {
  description = "order-service: postgresql://<reader endpoint>:5432/orders."
  value       = module.data_tier.order_service_env["ORDER_DB_READER_URL"]
}

output "ORDER_DB_USERNAME" {
  description = "order-service (required): database user."
  value       = module.data_tier.order_service_env["ORDER_DB_USERNAME"]
}

output "ORDER_DB_SECRET_ARN" {
  description = "order-service: ARN of the RDS-managed master secret (JSON username/password, rotated by RDS)."
  value       = module.data_tier.order_db_secret_arn
}

output "ORDER_DB_IAM_AUTH" {
  description = "order-service: true when it must connect with IAM authentication tokens (always with the RDS Proxy)."
  value       = module.data_tier.order_service_env["ORDER_DB_IAM_AUTH"]
}

# session-service
output "REDIS_URL" {
  description = "session-service (required): rediss://<primary or configuration endpoint>:6379 (TLS)."
  value       = module.data_tier.redis_url
}

output "REDIS_AUTH_TOKEN_SECRET_ARN" {
  description = "session-service: ARN of the secret whose plain-string value is REDIS_AUTH_TOKEN (inject it with ECS secrets / valueFrom)."
  value       = module.data_tier.redis_auth_secret_arn
}

output "REDIS_CLIENT_TYPE" {
  description = "session-service: standalone (cluster mode off) or cluster."
  value       = module.data_tier.session_service_env["REDIS_CLIENT_TYPE"]
}

# media-service
output "MEDIA_STORE" {
  description = "media-service: s3 or efs."
  value       = module.data_tier.media_service_env["MEDIA_STORE"]
}

output "MEDIA_BUCKET" {
  description = "media-service: bucket name (null with MEDIA_STORE=efs)."
  value       = module.data_tier.media_bucket_name
}

output "MEDIA_KMS_KEY_ID" {
  description = "media-service: ARN of the bucket's KMS key (null with MEDIA_STORE=efs)."
  value       = module.data_tier.media_kms_key_arn
}

output "MEDIA_EFS_ROOT" {
  description = "media-service: path the EFS access point is mounted at in the container (with MEDIA_STORE=efs)."
  value       = local.svc_media_efs ? "/mnt/efs/media" : null
}

output "media_efs_file_system_id" {
  description = "EFS file system for the media-service volume (null with MEDIA_STORE=s3)."
  value       = module.data_tier.media_efs_file_system_id
}

output "media_efs_access_point_id" {
  description = "EFS access point the media-service volume must mount through (null with MEDIA_STORE=s3)."
  value       = module.data_tier.media_efs_access_point_id
}

# Wiring for the deployment (ECS or EKS)
output "service_env" {
  description = "Map of service name to its data-tier environment (non-secret values), ready to merge into a task definition or ConfigMap."
  value = {
    "catalog-service" = module.data_tier.catalog_service_env
    "order-service"   = module.data_tier.order_service_env
    "session-service" = module.data_tier.session_service_env
    "media-service"   = merge(module.data_tier.media_service_env, local.svc_media_efs ? { MEDIA_EFS_ROOT = "/mnt/efs/media" } : {})
  }
}

output "service_security_group_ids" {
  description = "Map of service name to the security group its tasks/pods must carry."
  value       = module.data_tier.service_security_group_ids
}

output "service_policy_arns" {
  description = "Map of service name to its least-privilege IAM policy ARN."
  value       = module.data_tier.service_policy_arns
}

output "vpc_id" {
  description = "VPC of the environment."
  value       = module.data_tier.vpc_id
}

output "private_subnet_ids" {
  description = "Private subnets for the services."
  value       = module.data_tier.private_subnet_ids
}

output "public_subnet_ids" {
  description = "Public subnets for the load balancer."
  value       = module.data_tier.public_subnet_ids
}
