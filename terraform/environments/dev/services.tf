################################################################################
# Services on ECS Fargate (and IRSA roles for EKS), composed from the data tier
# of this environment. Images: push to the ECR repositories below, then set
# image_tag (or image_tags). First apply with deploy_ecs_services = false to
# create the repositories, push, then apply again (see terraform/README.md).
################################################################################

variable "api_certificate_arn" {
  description = "ACM certificate of the public API's HTTPS listener (same region). Null creates no load balancer: the services then run without a public entry point."
  type        = string
  default     = null
}

variable "api_ingress_cidr_blocks" {
  description = "Client networks admitted by the public load balancer."
  type        = list(string)
  default     = ["0.0.0.0/0"]
}

variable "deploy_ecs_services" {
  description = "Create the ECS services. False on the first apply (cluster, repositories and load balancer only), so the images can be pushed before tasks start."
  type        = bool
  default     = true
}

variable "image_tag" {
  description = "Image tag deployed for every service (repositories are immutable: use a release version or a git SHA, never latest)."
  type        = string
  default     = "1.0.0-SNAPSHOT"
}

variable "image_tags" {
  description = "Per-service overrides of image_tag, keyed by service name."
  type        = map(string)
  default     = {}
}

variable "jwt_issuer" {
  description = "JWT_ISSUER of every service: the `iss` of the access tokens (for example the Cognito user pool URL)."
  type        = string
  default     = "https://commerce.example.com"
}

variable "jwt_public_key_location" {
  description = "JWT_PUBLIC_KEY_LOCATION of every service: URL of the issuer's JWKS (public keys only, not a secret)."
  type        = string
  default     = "https://commerce.example.com/.well-known/jwks.json"
}

variable "service_token_secret_arn" {
  description = "Secrets Manager secret (plain string) holding SERVICE_TOKEN, the token of internal service-to-service calls. Null leaves SERVICE_TOKEN unset."
  type        = string
  default     = null
}

variable "cursor_signing_key_secret_arn" {
  description = "Secrets Manager secret (plain string) holding CURSOR_SIGNING_KEY, the HMAC key of pagination cursors. Null leaves it unset (services then use an ephemeral key)."
  type        = string
  default     = null
}

variable "app_secrets_kms_key_arns" {
  description = "Customer managed KMS keys of the two application secrets above (empty when they use aws/secretsmanager)."
  type        = list(string)
  default     = []
}

variable "order_db_password_from_ecs_secret" {
  description = "Inject the Aurora master password into order-service as ORDER_DB_PASSWORD at task start (ECS secret) instead of the service reading ORDER_DB_SECRET_ARN at run time. The run-time read (default) follows rotation without a redeploy."
  type        = bool
  default     = false
}

variable "eks_oidc_provider_arn" {
  description = "IAM OIDC provider of an EKS cluster: when set, an IRSA role is created per service with the same policies as the ECS task roles."
  type        = string
  default     = null
}

variable "eks_oidc_provider_url" {
  description = "Issuer URL of that EKS cluster (aws_eks_cluster identity[0].oidc[0].issuer)."
  type        = string
  default     = null

  validation {
    condition     = (var.eks_oidc_provider_arn == null) == (var.eks_oidc_provider_url == null)
    error_message = "eks_oidc_provider_arn and eks_oidc_provider_url go together."
  }
}

variable "eks_namespace" {
  description = "Kubernetes namespace of the services on EKS (each service account is named like its service)."
  type        = string
  default     = "commerce"
}

locals {
  svc_stack = var.name

  # Environment-specific sizing.
  svc_settings = {
    cpu                        = 512
    memory                     = 1024
    min_tasks                  = 1
    max_tasks                  = 2
    log_retention_days         = 30
    container_insights         = "enabled"
    fargate_spot_weight        = 1
    capacity_provider_strategy = [{ capacity_provider = "FARGATE_SPOT", weight = 1 }]
    alb_deletion_protection    = false
    ecr_force_delete           = true
    tags                       = { Component = "services" }
  }

  svc_names = ["catalog-service", "order-service", "session-service", "media-service"]
  svc_port  = 8080
  svc_url   = { for s in local.svc_names : s => "http://${s}:${local.svc_port}" }

  svc_images = {
    for s in local.svc_names : s => "${module.ecr.repository_urls[s]}:${lookup(var.image_tags, s, var.image_tag)}"
  }

  svc_common_env = {
    JWT_ISSUER              = var.jwt_issuer
    JWT_PUBLIC_KEY_LOCATION = var.jwt_public_key_location
    OTEL_TRACES_EXPORTER    = "none"
  }

  svc_common_secrets = merge(
    var.service_token_secret_arn == null ? {} : { SERVICE_TOKEN = var.service_token_secret_arn },
    var.cursor_signing_key_secret_arn == null ? {} : { CURSOR_SIGNING_KEY = var.cursor_signing_key_secret_arn },
  )

  # KMS keys of the data-tier secrets, read from the service-iam policies
  # (the statements that already allow the task roles to decrypt them).
  svc_redis_secret_kms = try([for s in jsondecode(module.data_tier.service_policy_documents["session-service"]).Statement : s.Resource[0] if s.Sid == "RedisAuthSecretKey"], [])
  svc_order_secret_kms = try([for s in jsondecode(module.data_tier.service_policy_documents["order-service"]).Statement : s.Resource[0] if s.Sid == "DatabaseSecretKey"], [])

  svc_media_efs = module.data_tier.media_service_env["MEDIA_STORE"] == "efs"

  svc_sg = module.data_tier.service_security_group_ids

  svc = {
    "catalog-service" = {
      environment = merge(local.svc_common_env, module.data_tier.catalog_service_env, {
        MEDIA_URL   = local.svc_url["media-service"]
        SESSION_URL = local.svc_url["session-service"]
      })
      secrets     = local.svc_common_secrets
      kms_keys    = var.app_secrets_kms_key_arns
      callers     = ["order-service", "session-service"]
      public_path = ["/products", "/products/*", "/categories", "/categories/*"]
      priority    = 100
    }
    "order-service" = {
      environment = merge(
        local.svc_common_env,
        { for k, v in module.data_tier.order_service_env : k => v if !(var.order_db_password_from_ecs_secret && k == "ORDER_DB_SECRET_ARN") },
        {
          CATALOG_URL = local.svc_url["catalog-service"]
          SESSION_URL = local.svc_url["session-service"]
        },
      )
      secrets = merge(local.svc_common_secrets, var.order_db_password_from_ecs_secret ? {
        ORDER_DB_PASSWORD = "${module.data_tier.order_db_secret_arn}:password::"
      } : {})
      kms_keys    = concat(var.app_secrets_kms_key_arns, var.order_db_password_from_ecs_secret ? local.svc_order_secret_kms : [])
      callers     = []
      public_path = ["/orders", "/orders/*"]
      priority    = 200
    }
    "session-service" = {
      environment = merge(local.svc_common_env, module.data_tier.session_service_env, {
        CATALOG_URL = local.svc_url["catalog-service"]
      })
      secrets     = merge(local.svc_common_secrets, module.data_tier.session_service_secrets)
      kms_keys    = concat(var.app_secrets_kms_key_arns, local.svc_redis_secret_kms)
      callers     = ["order-service", "catalog-service"]
      public_path = ["/sessions", "/sessions/*", "/cart", "/cart/*", "/events", "/events/*", "/trending", "/trending/*", "/subjects/*"]
      priority    = 300
    }
    "media-service" = {
      environment = merge(local.svc_common_env, module.data_tier.media_service_env, local.svc_media_efs ? { MEDIA_EFS_ROOT = "/mnt/efs/media" } : {})
      secrets     = local.svc_common_secrets
      kms_keys    = var.app_secrets_kms_key_arns
      callers     = ["catalog-service"]
      public_path = ["/media", "/media/*"]
      priority    = 400
    }
  }
}

module "ecr" {
  source = "../../modules/ecr-repositories"

  name_prefix  = local.svc_stack
  repositories = local.svc_names
  force_delete = local.svc_settings.ecr_force_delete

  tags = local.svc_settings.tags
}

module "ecs_cluster" {
  source = "../../modules/ecs-cluster"

  name                = local.svc_stack
  container_insights  = local.svc_settings.container_insights
  fargate_spot_weight = local.svc_settings.fargate_spot_weight

  create_alb              = var.api_certificate_arn != null
  vpc_id                  = module.data_tier.vpc_id
  public_subnet_ids       = module.data_tier.public_subnet_ids
  certificate_arn         = var.api_certificate_arn
  ingress_cidr_blocks     = var.api_ingress_cidr_blocks
  alb_deletion_protection = local.svc_settings.alb_deletion_protection

  tags = local.svc_settings.tags
}

module "service" {
  source   = "../../modules/ecs-service"
  for_each = var.deploy_ecs_services ? local.svc : {}

  name               = each.key
  cluster_name       = module.ecs_cluster.cluster_name
  cluster_arn        = module.ecs_cluster.cluster_arn
  subnet_ids         = module.data_tier.private_subnet_ids
  security_group_id  = local.svc_sg[each.key]
  image              = local.svc_images[each.key]
  ecr_repository_arn = module.ecr.repository_arns[each.key]
  container_port     = local.svc_port
  cpu                = local.svc_settings.cpu
  memory             = local.svc_settings.memory

  environment         = each.value.environment
  secrets             = each.value.secrets
  secret_kms_key_arns = each.value.kms_keys

  task_role_policy_arns = { data = module.data_tier.service_policy_arns[each.key] }

  efs_volume = each.key == "media-service" && local.svc_media_efs ? {
    file_system_id  = module.data_tier.media_efs_file_system_id
    access_point_id = module.data_tier.media_efs_access_point_id
    container_path  = "/mnt/efs/media"
  } : null

  service_connect                 = { namespace_arn = module.ecs_cluster.service_connect_namespace_arn }
  ingress_from_security_group_ids = { for c in each.value.callers : c => local.svc_sg[c] }

  load_balancer = var.api_certificate_arn == null ? null : {
    vpc_id                = module.data_tier.vpc_id
    listener_arn          = module.ecs_cluster.https_listener_arn
    alb_arn_suffix        = module.ecs_cluster.alb_arn_suffix
    alb_security_group_id = module.ecs_cluster.alb_security_group_id
    path_patterns         = each.value.public_path
    priority              = each.value.priority
  }

  desired_count              = local.svc_settings.min_tasks
  capacity_provider_strategy = local.svc_settings.capacity_provider_strategy
  autoscaling = {
    min_capacity = local.svc_settings.min_tasks
    max_capacity = local.svc_settings.max_tasks
  }
  log_retention_days    = local.svc_settings.log_retention_days
  wait_for_steady_state = false

  tags = local.svc_settings.tags
}

module "irsa" {
  source = "../../modules/eks-irsa"
  count  = var.eks_oidc_provider_arn == null ? 0 : 1

  name_prefix       = local.svc_stack
  oidc_provider_arn = var.eks_oidc_provider_arn
  oidc_provider_url = var.eks_oidc_provider_url

  service_accounts = {
    for s in local.svc_names : s => {
      namespace       = var.eks_namespace
      service_account = s
      policy_arns     = { data = module.data_tier.service_policy_arns[s] }
    }
  }

  tags = local.svc_settings.tags
}

################################################################################
# services_outputs
################################################################################

output "ecr_repository_urls" {
  description = "Where to push each service's image (tag it with image_tag)."
  value       = module.ecr.repository_urls
}

output "ecs_cluster_name" {
  description = "ECS cluster of the services."
  value       = module.ecs_cluster.cluster_name
}

output "api_dns_name" {
  description = "DNS name of the public load balancer: point the API's DNS record (alias) here (null without api_certificate_arn)."
  value       = module.ecs_cluster.alb_dns_name
}

output "api_zone_id" {
  description = "Hosted zone of the load balancer for a Route 53 alias record."
  value       = module.ecs_cluster.alb_zone_id
}

output "service_urls" {
  description = "Service Connect URLs the services use to call each other (CATALOG_URL, SESSION_URL, MEDIA_URL, ...)."
  value       = local.svc_url
}

output "ecs_task_role_arns" {
  description = "Task role of each ECS service."
  value       = { for k, m in module.service : k => m.task_role_arn }
}

output "ecs_log_groups" {
  description = "CloudWatch log group of each ECS service."
  value       = { for k, m in module.service : k => m.log_group_name }
}

output "service_environment_names" {
  description = "Environment variable names each service receives (plain and from secrets): the contract the Kubernetes manifests must match."
  value       = { for k, v in local.svc : k => sort(concat(keys(v.environment), keys(v.secrets), ["PORT"])) }
}

output "service_secret_arns" {
  description = "Secrets Manager references injected into each service, by variable name (ARNs only, never values)."
  value       = { for k, v in local.svc : k => v.secrets }
}

output "irsa_role_arns" {
  description = "IRSA role of each service (empty without eks_oidc_provider_arn)."
  value       = try(module.irsa[0].role_arns, {})
}

output "irsa_service_account_annotations" {
  description = "Annotations each Kubernetes ServiceAccount must carry (eks.amazonaws.com/role-arn)."
  value       = try(module.irsa[0].service_account_annotations, {})
}
