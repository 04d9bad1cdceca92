variable "name" {
  description = "Name of the cluster and prefix of its resources (for example `commerce-prod`)."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,22}[a-z0-9]$", var.name))
    error_message = "name must be 3-24 characters of lowercase letters, digits and hyphens, start with a letter and not end with a hyphen (ALB and target group names are limited to 32)."
  }
}

variable "container_insights" {
  description = "CloudWatch Container Insights: enabled, enhanced (task- and container-level metrics) or disabled."
  type        = string
  default     = "enabled"

  validation {
    condition     = contains(["enabled", "enhanced", "disabled"], var.container_insights)
    error_message = "container_insights must be enabled, enhanced or disabled."
  }
}

variable "fargate_spot_weight" {
  description = "Weight of FARGATE_SPOT in the default capacity provider strategy (0 = on-demand Fargate only; dev can save with spot)."
  type        = number
  default     = 0

  validation {
    condition     = var.fargate_spot_weight >= 0 && var.fargate_spot_weight <= 10 && floor(var.fargate_spot_weight) == var.fargate_spot_weight
    error_message = "fargate_spot_weight must be a whole number between 0 and 10."
  }
}

variable "service_connect_namespace" {
  description = "Name of the Cloud Map HTTP namespace used by ECS Service Connect; null uses <name>.internal."
  type        = string
  default     = null

  validation {
    condition     = var.service_connect_namespace == null || can(regex("^[a-z0-9][a-z0-9.-]{0,62}$", var.service_connect_namespace))
    error_message = "service_connect_namespace must be a lowercase DNS-style name up to 63 characters."
  }
}

variable "exec_kms_key_arn" {
  description = "KMS key encrypting ECS Exec sessions and their logs; null leaves ECS Exec without customer encryption (exec is off on services by default)."
  type        = string
  default     = null

  validation {
    condition     = var.exec_kms_key_arn == null || can(regex("^arn:aws[a-z-]*:kms:", var.exec_kms_key_arn))
    error_message = "exec_kms_key_arn must be a KMS key ARN."
  }
}

################################################################################
# Public load balancer
################################################################################

variable "create_alb" {
  description = "Create the public Application Load Balancer in front of the public APIs."
  type        = bool
  default     = true
}

variable "vpc_id" {
  description = "VPC of the load balancer (required with create_alb)."
  type        = string
  default     = null

  validation {
    condition     = var.vpc_id == null || can(regex("^vpc-", var.vpc_id))
    error_message = "vpc_id must be a VPC ID (vpc-...)."
  }
}

variable "public_subnet_ids" {
  description = "Public subnets (at least two AZs) of the load balancer."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for s in var.public_subnet_ids : can(regex("^subnet-", s))])
    error_message = "public_subnet_ids entries must be subnet IDs (subnet-...)."
  }
}

variable "internal_alb" {
  description = "Make the load balancer internal (reached through a VPN, CloudFront VPC origin or API Gateway) instead of internet-facing."
  type        = bool
  default     = false
}

variable "certificate_arn" {
  description = "ACM certificate of the HTTPS listener (required with create_alb)."
  type        = string
  default     = null

  validation {
    condition     = var.certificate_arn == null || can(regex("^arn:aws[a-z-]*:acm:[a-z0-9-]+:[0-9]{12}:certificate/", var.certificate_arn))
    error_message = "certificate_arn must be an ACM certificate ARN."
  }
}

variable "additional_certificate_arns" {
  description = "More ACM certificates (SNI) on the HTTPS listener."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for c in var.additional_certificate_arns : can(regex("^arn:aws[a-z-]*:acm:", c))])
    error_message = "additional_certificate_arns entries must be ACM certificate ARNs."
  }
}

variable "ssl_policy" {
  description = "TLS policy of the HTTPS listener (TLS 1.2+ only)."
  type        = string
  default     = "ELBSecurityPolicy-TLS13-1-2-2021-06"

  validation {
    condition     = can(regex("^ELBSecurityPolicy-(TLS13-1-[23]|TLS-1-2|FS-1-2)", var.ssl_policy))
    error_message = "ssl_policy must be a TLS 1.2+ policy (ELBSecurityPolicy-TLS13-1-2-*, -TLS13-1-3-*, -TLS-1-2-*, -FS-1-2-*)."
  }
}

variable "ingress_cidr_blocks" {
  description = "Client networks admitted on 80/443 (the internet for a public API; narrow it for staging)."
  type        = list(string)
  default     = ["0.0.0.0/0"]

  validation {
    condition     = length(var.ingress_cidr_blocks) > 0 && alltrue([for c in var.ingress_cidr_blocks : can(cidrhost(c, 0))])
    error_message = "ingress_cidr_blocks must be a non-empty list of valid IPv4 CIDRs."
  }
}

variable "alb_deletion_protection" {
  description = "Deletion protection of the load balancer (on in production)."
  type        = bool
  default     = true
}

variable "alb_idle_timeout" {
  description = "Idle timeout of client connections in seconds (media uploads need more than API calls)."
  type        = number
  default     = 120

  validation {
    condition     = var.alb_idle_timeout >= 1 && var.alb_idle_timeout <= 4000
    error_message = "alb_idle_timeout must be between 1 and 4000 seconds."
  }
}

variable "alb_access_logs_bucket" {
  description = "S3 bucket for ALB access logs (must allow the regional ELB log delivery); null disables access logs."
  type        = string
  default     = null
}

variable "web_acl_arn" {
  description = "WAFv2 web ACL associated with the load balancer; null for none."
  type        = string
  default     = null

  validation {
    condition     = var.web_acl_arn == null || can(regex("^arn:aws[a-z-]*:wafv2:", var.web_acl_arn))
    error_message = "web_acl_arn must be a WAFv2 web ACL ARN."
  }
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
