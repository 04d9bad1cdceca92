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
  default     = "commerce-prod"
}

variable "media_store" {
  description = "Store of media-service: s3 or efs (its MEDIA_STORE)."
  type        = string
  default     = "s3"

  validation {
    condition     = contains(["s3", "efs"], var.media_store)
    error_message = "media_store must be s3 or efs."
  }
}

variable "media_cors_allowed_origins" {
  description = "Web origins allowed to upload media with presigned URLs (https://shop.example.com)."
  type        = list(string)
  default     = []
}

variable "alarm_actions" {
  description = "ARNs notified by every alarm (for example the on-call SNS topic)."
  type        = list(string)
  default     = []
}
