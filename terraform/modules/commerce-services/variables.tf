variable "name" {
  description = "Name prefix of every resource (the environment's, for example `commerce-prod`): cluster, repositories, roles, secrets."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,22}[a-z0-9]$", var.name))
    error_message = "name must be 3-24 characters of lowercase letters, digits and hyphens."
  }
}

variable "data_tier" {
  description = "The data tier's for_services output: network placement, security groups, policies, environment, secrets and their keys per service, the EFS volume of media-service and the migration's database access."
  type = object({
    vpc_id                      = string
    private_subnet_ids          = list(string)
    public_subnet_ids           = list(string)
    service_security_group_ids  = map(string)
    service_policy_arns         = map(string)
    service_env                 = map(map(string))
    service_secrets             = map(map(string))
    service_secret_kms_key_arns = map(list(string))
    media_efs = object({
      file_system_id  = string
      access_point_id = string
    })
    order_db_migration = object({
      url              = string
      owner_secret_arn = string
      app_username     = string
      app_secret_arn   = string
      kms_key_arn      = string
    })
  })
}

variable "identity" {
  description = "The identity module's for_services output: JWT_* of every service, OIDC_TOKEN_URL/OIDC_CLIENT_ID and the OIDC_CLIENT_SECRET secret of each calling service, the secrets' KMS key."
  type = object({
    receiver_env   = map(string)
    client_env     = map(map(string))
    client_secrets = map(map(string))
    kms_key_arn    = string
  })
}

variable "image_tag" {
  description = "Image tag deployed for every service. The repositories are immutable, so a tag is pushed once: use a release version or a git SHA (latest and -SNAPSHOT tags are refused)."
  type        = string

  validation {
    condition     = can(regex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$", var.image_tag)) && var.image_tag != "latest" && !endswith(upper(var.image_tag), "-SNAPSHOT")
    error_message = "image_tag must be a valid tag that names one build for good: not latest, not a -SNAPSHOT."
  }
}

variable "image_tags" {
  description = "Per-service overrides of image_tag, keyed by service name."
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for t in values(var.image_tags) : can(regex("^[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}$", t)) && t != "latest" && !endswith(upper(t), "-SNAPSHOT")])
    error_message = "image_tags values must be valid tags that name one build for good: not latest, not a -SNAPSHOT."
  }
}

variable "deploy_ecs_services" {
  description = "Create the ECS services. False creates everything else (repositories, cluster, task definitions and roles), for the first apply before the images are pushed, for EKS, or for an emulator."
  type        = bool
  default     = true
}

variable "api_certificate_arn" {
  description = "ACM certificate of the public API's HTTPS listener (same region). Null creates no load balancer: the services then have no public entry point."
  type        = string
  default     = null
}

variable "api_ingress_cidr_blocks" {
  description = "Client networks admitted by the public load balancer."
  type        = list(string)
  default     = ["0.0.0.0/0"]
}

variable "sizing" {
  description = "Sizing of the services: task CPU/memory, task count range, log retention, Container Insights, Fargate Spot, load balancer deletion protection, ECR force delete."
  type = object({
    cpu                     = optional(number, 1024)
    memory                  = optional(number, 2048)
    min_tasks               = optional(number, 2)
    max_tasks               = optional(number, 10)
    log_retention_days      = optional(number, 365)
    container_insights      = optional(string, "enhanced")
    fargate_spot_weight     = optional(number, 0)
    alb_deletion_protection = optional(bool, true)
    ecr_force_delete        = optional(bool, false)
    capacity_provider_strategy = optional(list(object({
      capacity_provider = string
      weight            = optional(number, 1)
      base              = optional(number, 0)
    })), [])
  })
  default = {}

  validation {
    condition     = var.sizing.min_tasks >= 1 && var.sizing.max_tasks >= var.sizing.min_tasks
    error_message = "sizing needs 1 <= min_tasks <= max_tasks."
  }
}

variable "eks" {
  description = "When the services run on EKS: the cluster's IAM OIDC provider (ARN and issuer URL) and the services' namespace. One IRSA role per service is created, trusted by the service account named in the contract."
  type = object({
    oidc_provider_arn = string
    oidc_provider_url = string
    namespace         = optional(string, "commerce")
  })
  default = null
}

variable "additional_assume_role_principal_arns" {
  description = "Principals that may assume the task and execution roles besides ECS tasks: only for the emulator CI, which runs the services with exactly their roles. Empty in real accounts."
  type        = list(string)
  default     = []
}

variable "kms_key_deletion_window_in_days" {
  description = "Waiting period before the application-secret key is deleted."
  type        = number
  default     = 30

  validation {
    condition     = var.kms_key_deletion_window_in_days >= 7 && var.kms_key_deletion_window_in_days <= 30
    error_message = "kms_key_deletion_window_in_days must be between 7 and 30."
  }
}

variable "secret_recovery_window_in_days" {
  description = "Days a deleted application secret can be restored (0 deletes at once: throwaway environments only)."
  type        = number
  default     = 30

  validation {
    condition     = var.secret_recovery_window_in_days == 0 || (var.secret_recovery_window_in_days >= 7 && var.secret_recovery_window_in_days <= 30)
    error_message = "secret_recovery_window_in_days must be 0 or between 7 and 30."
  }
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
