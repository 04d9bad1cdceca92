variable "name_prefix" {
  description = "Prefix of every repository name, for example `commerce` gives `commerce/catalog-service`. Empty for bare names."
  type        = string
  default     = "commerce"

  validation {
    condition     = var.name_prefix == "" || can(regex("^[a-z0-9]+(?:[._-][a-z0-9]+)*(?:/[a-z0-9]+(?:[._-][a-z0-9]+)*)*$", var.name_prefix))
    error_message = "name_prefix must be a lowercase ECR namespace (letters, digits, '.', '_', '-', '/' separators) or empty."
  }
}

variable "repositories" {
  description = "Names of the repositories to create, one per service (for example catalog-service)."
  type        = set(string)
  default     = ["catalog-service", "order-service", "session-service", "media-service"]

  validation {
    condition     = length(var.repositories) > 0 && alltrue([for r in var.repositories : can(regex("^[a-z0-9]+(?:[._-][a-z0-9]+)*$", r))])
    error_message = "repositories must be a non-empty set of lowercase names (letters, digits, '.', '_', '-')."
  }
}

variable "image_tag_mutability" {
  description = "IMMUTABLE (default: a tag always names the same image, deployments are reproducible) or MUTABLE."
  type        = string
  default     = "IMMUTABLE"

  validation {
    condition     = contains(["IMMUTABLE", "MUTABLE"], var.image_tag_mutability)
    error_message = "image_tag_mutability must be IMMUTABLE or MUTABLE."
  }
}

variable "scan_on_push" {
  description = "Scan every pushed image for vulnerabilities (basic scanning)."
  type        = bool
  default     = true
}

variable "encryption_type" {
  description = "Encryption at rest: KMS (default; kms_key_arn or the AWS managed key) or AES256."
  type        = string
  default     = "KMS"

  validation {
    condition     = contains(["KMS", "AES256"], var.encryption_type)
    error_message = "encryption_type must be KMS or AES256."
  }
}

variable "kms_key_arn" {
  description = "Customer managed KMS key for the repositories when encryption_type is KMS; null uses the AWS managed key aws/ecr."
  type        = string
  default     = null

  validation {
    condition     = var.kms_key_arn == null || can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/", var.kms_key_arn))
    error_message = "kms_key_arn must be a KMS key ARN (arn:aws:kms:<region>:<account>:key/<id>)."
  }
}

variable "keep_tagged_images" {
  description = "Number of most recent tagged images kept per repository; older ones are expired by the lifecycle policy."
  type        = number
  default     = 30

  validation {
    condition     = var.keep_tagged_images >= 1 && var.keep_tagged_images <= 1000 && floor(var.keep_tagged_images) == var.keep_tagged_images
    error_message = "keep_tagged_images must be a whole number between 1 and 1000."
  }
}

variable "untagged_image_expiry_days" {
  description = "Days after which untagged images (superseded layers of multi-arch builds, failed pushes) are expired."
  type        = number
  default     = 7

  validation {
    condition     = var.untagged_image_expiry_days >= 1 && var.untagged_image_expiry_days <= 365 && floor(var.untagged_image_expiry_days) == var.untagged_image_expiry_days
    error_message = "untagged_image_expiry_days must be a whole number between 1 and 365."
  }
}

variable "force_delete" {
  description = "Allow destroying repositories that still hold images (throwaway environments only)."
  type        = bool
  default     = false
}

variable "pull_principal_arns" {
  description = "Extra IAM principals (for example other accounts' roles) allowed to pull images. Empty adds no repository policy: same-account roles pull through their IAM policies."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for p in var.pull_principal_arns : can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:(root|role/.+|user/.+)$", p))])
    error_message = "pull_principal_arns entries must be IAM account root, role or user ARNs (no wildcards)."
  }
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
