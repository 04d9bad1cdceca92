variable "name_prefix" {
  description = "Prefix of the role names (for example `commerce-prod`); each role is <name_prefix>-<service>-irsa."
  type        = string

  validation {
    condition     = can(regex("^[a-zA-Z][a-zA-Z0-9+=,.@_-]{0,27}$", var.name_prefix))
    error_message = "name_prefix must start with a letter and have at most 28 characters valid in IAM role names."
  }
}

variable "oidc_provider_arn" {
  description = "ARN of the cluster's IAM OIDC provider (arn:aws:iam::<account>:oidc-provider/oidc.eks.<region>.amazonaws.com/id/<id>)."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:oidc-provider/.+$", var.oidc_provider_arn))
    error_message = "oidc_provider_arn must be an IAM OIDC provider ARN."
  }
}

variable "oidc_provider_url" {
  description = "Issuer URL of the cluster (aws_eks_cluster identity[0].oidc[0].issuer), with or without https://."
  type        = string

  validation {
    condition     = can(regex("^(https://)?[a-z0-9.-]+(/[A-Za-z0-9._-]+)*$", var.oidc_provider_url))
    error_message = "oidc_provider_url must be the OIDC issuer host and path, for example https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE."
  }
}

variable "audience" {
  description = "Audience (aud) the projected service account token must carry."
  type        = string
  default     = "sts.amazonaws.com"
}

variable "service_accounts" {
  description = "One role per service: Kubernetes namespace and service account allowed to assume it, and the least-privilege policies (service-iam outputs) attached to it. Keys (service names) must be static."
  type = map(object({
    namespace            = string
    service_account      = string
    policy_arns          = optional(map(string), {})
    inline_policy_json   = optional(string)
    max_session_duration = optional(number, 3600)
  }))

  validation {
    condition     = length(var.service_accounts) > 0 && alltrue([for k, v in var.service_accounts : can(regex("^[a-z][a-z0-9-]{0,30}$", k))])
    error_message = "service_accounts must be a non-empty map keyed by lowercase service names (up to 31 characters)."
  }

  validation {
    condition     = alltrue([for v in values(var.service_accounts) : can(regex("^[a-z0-9]([-a-z0-9]{0,61}[a-z0-9])?$", v.namespace)) && can(regex("^[a-z0-9]([-a-z0-9.]{0,251}[a-z0-9])?$", v.service_account))])
    error_message = "namespace and service_account must be Kubernetes names (no wildcards): lowercase letters, digits, '-' (and '.' in service account names)."
  }

  validation {
    condition     = alltrue(flatten([for v in values(var.service_accounts) : [for p in values(v.policy_arns) : can(regex("^arn:aws[a-z-]*:iam::([0-9]{12}|aws):policy/", p))]]))
    error_message = "policy_arns values must be IAM policy ARNs."
  }

  validation {
    condition     = alltrue([for v in values(var.service_accounts) : v.max_session_duration >= 3600 && v.max_session_duration <= 43200])
    error_message = "max_session_duration must be between 3600 and 43200 seconds."
  }
}

variable "permissions_boundary_arn" {
  description = "Permissions boundary of every role."
  type        = string
  default     = null
}

variable "path" {
  description = "IAM path of the roles."
  type        = string
  default     = "/"

  validation {
    condition     = can(regex("^/([A-Za-z0-9+=,.@_-]+/)*$", var.path))
    error_message = "path must start and end with / (for example /commerce/)."
  }
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
