variable "region" {
  description = "AWS region of the environment."
  type        = string
  default     = "eu-west-1"

  validation {
    condition     = can(regex("^[a-z]{2}(-[a-z]+)+-[0-9]$", var.region))
    error_message = "region must be an AWS region such as eu-west-1."
  }
}

variable "name" {
  description = "Name prefix of every resource of the environment."
  type        = string
  default     = "commerce-dev"
}

variable "image_tag" {
  description = "Image tag deployed for every service (a release version or git SHA: the repositories are immutable)."
  type        = string
}

variable "image_tags" {
  description = "Per-service overrides of image_tag."
  type        = map(string)
  default     = {}
}

variable "deploy_ecs_services" {
  description = "Create the ECS services (false on the first apply, before the images are pushed, or on EKS)."
  type        = bool
  default     = true
}

variable "api_certificate_arn" {
  description = "ACM certificate of the public HTTPS listener; null creates no load balancer."
  type        = string
  default     = null
}

variable "api_ingress_cidr_blocks" {
  description = "Client networks admitted by the public load balancer."
  type        = list(string)
  default     = ["0.0.0.0/0"]
}

variable "auth_domain_prefix" {
  description = "Prefix of the Cognito domain (the services' token endpoint), unique per region; null uses <name>-auth."
  type        = string
  default     = null
}

variable "media_store" {
  description = "Store of media-service: s3 or efs (its MEDIA_STORE)."
  type        = string
  default     = "s3"
}

variable "media_cors_allowed_origins" {
  description = "Web origins allowed to upload media with presigned URLs (https://shop.example.com)."
  type        = list(string)
  default     = []
}

variable "alarm_actions" {
  description = "ARNs notified by every alarm (the on-call SNS topic); empty uses the environment's own <name>-alarms topic."
  type        = list(string)
  default     = []
}

variable "alarm_email_addresses" {
  description = "E-mail subscribers of the <name>-alarms topic (when alarm_actions is empty)."
  type        = list(string)
  default     = []
}

variable "eks" {
  description = "EKS cluster the services run on instead of ECS (its IAM OIDC provider ARN and issuer URL, and the namespace): creates one IRSA role per service."
  type = object({
    oidc_provider_arn = string
    oidc_provider_url = string
    namespace         = optional(string, "commerce")
  })
  default = null
}
