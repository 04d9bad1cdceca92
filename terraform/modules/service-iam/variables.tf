variable "name" {
  description = "Prefix of the policy names (for example `commerce-prod`); each policy is named <name>-<service>."
  type        = string

  validation {
    condition     = can(regex("^[a-zA-Z][a-zA-Z0-9+=,.@_-]{0,80}$", var.name))
    error_message = "name must start with a letter and use only characters valid in IAM policy names (up to 81)."
  }
}

variable "path" {
  description = "IAM path of the policies."
  type        = string
  default     = "/"

  validation {
    condition     = can(regex("^/([A-Za-z0-9+=,.@_-]+/)*$", var.path))
    error_message = "path must start and end with / (for example /commerce/)."
  }
}

variable "catalog" {
  description = "catalog-service: its DynamoDB table, optional stream and the table's KMS key. Null skips the policy."
  type = object({
    table_arn   = string
    stream_arn  = optional(string)
    kms_key_arn = optional(string)
  })
  default = null

  validation {
    condition     = var.catalog == null || can(regex("^arn:aws[a-z-]*:dynamodb:[a-z0-9-]+:[0-9]{12}:table/[A-Za-z0-9_.-]+$", var.catalog.table_arn))
    error_message = "catalog.table_arn must be a DynamoDB table ARN."
  }
}

variable "order" {
  description = "order-service: its (application, never the master) database user, and how it authenticates: the DB resource ID for rds-db:connect with IAM tokens (prx-... through the RDS Proxy, or cluster-...), and/or the secret with that user's login (and its KMS key) read at run time. Null skips the policy."
  type = object({
    db_resource_id     = optional(string)
    db_username        = string
    secret_arn         = optional(string)
    secret_kms_key_arn = optional(string)
  })
  default = null

  validation {
    condition     = var.order == null || try((var.order.db_resource_id == null || can(regex("^(cluster|prx|db)-[A-Za-z0-9]+$", var.order.db_resource_id))) && can(regex("^[a-z][a-z0-9_]{0,62}$", var.order.db_username)) && (var.order.secret_arn == null || can(regex("^arn:aws[a-z-]*:secretsmanager:", var.order.secret_arn))), false)
    error_message = "order needs a lowercase database user, an optional DB resource ID (cluster-..., prx-... or db-...) and an optional Secrets Manager secret ARN."
  }

  validation {
    condition     = var.order == null || try(var.order.db_resource_id != null || var.order.secret_arn != null, false)
    error_message = "order needs db_resource_id (IAM authentication), secret_arn (password login) or both."
  }
}

variable "session" {
  description = "session-service: the Redis AUTH token secret and its KMS key. Null skips the policy."
  type = object({
    auth_secret_arn = string
    kms_key_arn     = optional(string)
  })
  default = null

  validation {
    condition     = var.session == null || can(regex("^arn:aws[a-z-]*:secretsmanager:", var.session.auth_secret_arn))
    error_message = "session.auth_secret_arn must be a Secrets Manager secret ARN."
  }
}

variable "media" {
  description = "media-service: its bucket, the key prefixes it writes under and the bucket's KMS key, and/or its EFS file system and access point. Null skips the policy."
  type = object({
    bucket_arn           = optional(string)
    bucket_kms_key_arn   = optional(string)
    efs_file_system_arn  = optional(string)
    efs_access_point_arn = optional(string)
    bucket_key_prefixes  = optional(list(string), [])
  })
  default = null

  validation {
    condition     = var.media == null || try(var.media.bucket_arn == null || (length(var.media.bucket_key_prefixes) > 0 && alltrue([for p in var.media.bucket_key_prefixes : can(regex("^[A-Za-z0-9!_.()-]+/$", p))])), false)
    error_message = "media.bucket_key_prefixes must list the service's key prefixes (such as media/) when bucket_arn is set: objects are granted under these prefixes only."
  }

  validation {
    condition     = var.media == null || try(var.media.bucket_arn != null || var.media.efs_file_system_arn != null, false)
    error_message = "media needs bucket_arn, efs_file_system_arn or both."
  }

  validation {
    condition     = var.media == null || try((var.media.efs_file_system_arn == null) == (var.media.efs_access_point_arn == null), false)
    error_message = "media.efs_file_system_arn and media.efs_access_point_arn go together: mounts are only allowed through the access point."
  }

  validation {
    condition     = var.media == null || try(var.media.bucket_arn == null || can(regex("^arn:aws[a-z-]*:s3:::[a-z0-9.-]+$", var.media.bucket_arn)), false)
    error_message = "media.bucket_arn must be an S3 bucket ARN (no key path)."
  }
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
