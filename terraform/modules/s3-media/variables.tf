variable "bucket_name" {
  description = "Globally unique bucket name."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9.-]{1,61}[a-z0-9]$", var.bucket_name)) && !can(regex("\\.\\.|^xn--|-s3alias$|^\\d+\\.\\d+\\.\\d+\\.\\d+$", var.bucket_name))
    error_message = "bucket_name must be a valid S3 bucket name: 3-63 lowercase letters, digits, dots and hyphens."
  }
}

variable "force_destroy" {
  description = "Allow destroying the bucket while it still holds objects. Keep false outside throwaway environments."
  type        = bool
  default     = false
}

variable "kms_key_arn" {
  description = "Customer managed KMS key for SSE-KMS. Null creates a dedicated key with rotation on."
  type        = string
  default     = null

  validation {
    condition     = var.kms_key_arn == null || can(regex("^arn:aws[a-z-]*:kms:", var.kms_key_arn))
    error_message = "kms_key_arn must be a KMS key ARN."
  }
}

variable "kms_key_deletion_window_in_days" {
  description = "Waiting period before a created KMS key is deleted."
  type        = number
  default     = 30

  validation {
    condition     = var.kms_key_deletion_window_in_days >= 7 && var.kms_key_deletion_window_in_days <= 30
    error_message = "kms_key_deletion_window_in_days must be between 7 and 30."
  }
}

variable "lifecycle_rules" {
  description = <<-EOT
    Storage-class transitions and clean-up, in days.
    Current versions move to Standard-IA, then Intelligent-Tiering (both stay instantly readable, which media needs).
    Objects under `archive_prefix` additionally go to Glacier Flexible Retrieval and Deep Archive (they must be restored before reading).
    Noncurrent versions move to Standard-IA and expire; incomplete multipart uploads are aborted.
    Set a transition to null to skip it.
  EOT
  type = object({
    standard_ia_days                       = optional(number, 30)
    intelligent_tiering_days               = optional(number, 90)
    archive_prefix                         = optional(string, "archive/")
    archive_glacier_days                   = optional(number, 90)
    archive_deep_archive_days              = optional(number, 180)
    noncurrent_standard_ia_days            = optional(number, 30)
    noncurrent_expiration_days             = optional(number, 90)
    noncurrent_newer_versions_to_keep      = optional(number, 3)
    abort_incomplete_multipart_upload_days = optional(number, 7)
  })
  default = {}

  validation {
    condition     = var.lifecycle_rules.standard_ia_days == null || try(var.lifecycle_rules.standard_ia_days >= 30, false)
    error_message = "standard_ia_days must be at least 30 (S3 minimum for Standard-IA) or null."
  }

  validation {
    condition     = var.lifecycle_rules.intelligent_tiering_days == null || var.lifecycle_rules.standard_ia_days == null || try(var.lifecycle_rules.intelligent_tiering_days >= var.lifecycle_rules.standard_ia_days + 30, false)
    error_message = "intelligent_tiering_days must be at least 30 days after standard_ia_days."
  }

  validation {
    condition     = var.lifecycle_rules.archive_deep_archive_days == null || var.lifecycle_rules.archive_glacier_days == null || try(var.lifecycle_rules.archive_deep_archive_days >= var.lifecycle_rules.archive_glacier_days + 90, false)
    error_message = "archive_deep_archive_days must be at least 90 days after archive_glacier_days (Glacier minimum storage duration)."
  }

  validation {
    condition     = var.lifecycle_rules.noncurrent_standard_ia_days == null || try(var.lifecycle_rules.noncurrent_standard_ia_days >= 30, false)
    error_message = "noncurrent_standard_ia_days must be at least 30 or null."
  }

  validation {
    condition     = var.lifecycle_rules.noncurrent_expiration_days >= 1 && (var.lifecycle_rules.noncurrent_standard_ia_days == null || try(var.lifecycle_rules.noncurrent_expiration_days > var.lifecycle_rules.noncurrent_standard_ia_days, false))
    error_message = "noncurrent_expiration_days must be at least 1 and later than noncurrent_standard_ia_days."
  }

  validation {
    condition     = var.lifecycle_rules.abort_incomplete_multipart_upload_days >= 1 && var.lifecycle_rules.abort_incomplete_multipart_upload_days <= 30
    error_message = "abort_incomplete_multipart_upload_days must be between 1 and 30."
  }

  validation {
    condition     = var.lifecycle_rules.noncurrent_newer_versions_to_keep >= 0 && var.lifecycle_rules.noncurrent_newer_versions_to_keep <= 100
    error_message = "noncurrent_newer_versions_to_keep must be between 0 and 100."
  }
}

variable "cors_allowed_origins" {
  description = "Origins (scheme://host[:port]) allowed to upload to and read from the bucket with presigned URLs from a browser. Empty disables CORS."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for o in var.cors_allowed_origins : can(regex("^https://[a-z0-9.*-]+(:[0-9]+)?$", o)) || can(regex("^http://(localhost|127\\.0\\.0\\.1)(:[0-9]+)?$", o))])
    error_message = "cors_allowed_origins entries must be https:// origins without a path (http:// only for localhost); \"*\" is not allowed."
  }
}

variable "cors_allowed_methods" {
  description = "HTTP methods allowed for CORS requests."
  type        = list(string)
  default     = ["GET", "HEAD", "PUT", "POST"]

  validation {
    condition     = length(var.cors_allowed_methods) > 0 && alltrue([for m in var.cors_allowed_methods : contains(["GET", "HEAD", "PUT", "POST", "DELETE"], m)])
    error_message = "cors_allowed_methods entries must be GET, HEAD, PUT, POST or DELETE."
  }
}

variable "cors_allowed_headers" {
  description = "Request headers a browser may send with a presigned upload."
  type        = list(string)
  default     = ["content-type", "content-md5", "content-disposition", "cache-control", "x-amz-*"]
}

variable "cors_max_age_seconds" {
  description = "How long browsers may cache a CORS preflight response."
  type        = number
  default     = 3000

  validation {
    condition     = var.cors_max_age_seconds >= 0 && var.cors_max_age_seconds <= 86400
    error_message = "cors_max_age_seconds must be between 0 and 86400."
  }
}

variable "eventbridge_enabled" {
  description = "Send every bucket event to Amazon EventBridge."
  type        = bool
  default     = false
}

variable "queue_notifications" {
  description = "SQS queues notified of bucket events (for example thumbnails on `s3:ObjectCreated:*`). The queue policy must allow s3.amazonaws.com."
  type = list(object({
    queue_arn     = string
    events        = optional(list(string), ["s3:ObjectCreated:*"])
    filter_prefix = optional(string)
    filter_suffix = optional(string)
  }))
  default = []

  validation {
    condition     = alltrue([for q in var.queue_notifications : can(regex("^arn:aws[a-z-]*:sqs:", q.queue_arn)) && alltrue([for e in q.events : startswith(e, "s3:")])])
    error_message = "queue_notifications need SQS queue ARNs and s3:* event names."
  }
}

variable "access_logging" {
  description = "S3 server access logs of the bucket: on by default, into a bucket the module creates (<bucket_name>-logs: SSE-S3, which log delivery requires, public access blocked, TLS only, writable only by S3 log delivery for this bucket, objects expire after retention_days), or into target_bucket when given (its policy must admit logging.s3.amazonaws.com)."
  type = object({
    enabled        = optional(bool, true)
    target_bucket  = optional(string)
    retention_days = optional(number, 365)
  })
  default = {}

  validation {
    condition     = var.access_logging.retention_days >= 1
    error_message = "access_logging.retention_days must be at least 1."
  }
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
