variable "name" {
  description = "Name of the file system and prefix of its resources."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,62}[a-z0-9]$", var.name))
    error_message = "name must be 3-64 characters of lowercase letters, digits and hyphens, start with a letter and not end with a hyphen."
  }
}

variable "vpc_id" {
  description = "VPC of the mount targets."
  type        = string

  validation {
    condition     = can(regex("^vpc-", var.vpc_id))
    error_message = "vpc_id must be a VPC ID (vpc-...)."
  }
}

variable "subnet_ids" {
  description = "Subnets for the mount targets, one per availability zone."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) >= 1 && alltrue([for s in var.subnet_ids : can(regex("^subnet-", s))])
    error_message = "subnet_ids must list at least one subnet ID (subnet-...)."
  }
}

variable "allowed_security_group_ids" {
  description = "Map of a static name (for example the service name) to a security group ID admitted on NFS (2049). Nothing else is admitted."
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for id in values(var.allowed_security_group_ids) : can(regex("^sg-", id))])
    error_message = "allowed_security_group_ids values must be security group IDs (sg-...)."
  }
}

variable "kms_key_arn" {
  description = "Customer managed KMS key encrypting the file system. Null creates a dedicated key with rotation on."
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

variable "performance_mode" {
  description = "generalPurpose (lowest latency, right for media) or maxIO."
  type        = string
  default     = "generalPurpose"

  validation {
    condition     = contains(["generalPurpose", "maxIO"], var.performance_mode)
    error_message = "performance_mode must be generalPurpose or maxIO."
  }

  validation {
    condition     = var.performance_mode != "maxIO" || var.throughput_mode != "elastic"
    error_message = "performance_mode maxIO cannot be combined with throughput_mode elastic (EFS rejects it): use bursting or provisioned throughput."
  }
}

variable "throughput_mode" {
  description = "elastic (pay per use, needed for the archive class), bursting or provisioned."
  type        = string
  default     = "elastic"

  validation {
    condition     = contains(["elastic", "bursting", "provisioned"], var.throughput_mode)
    error_message = "throughput_mode must be elastic, bursting or provisioned."
  }
}

variable "provisioned_throughput_in_mibps" {
  description = "Throughput in MiB/s when throughput_mode is provisioned."
  type        = number
  default     = null

  validation {
    condition     = var.throughput_mode != "provisioned" || try(var.provisioned_throughput_in_mibps >= 1, false)
    error_message = "provisioned_throughput_in_mibps must be at least 1 when throughput_mode is provisioned."
  }
}

variable "transition_to_ia" {
  description = "Move files not read for this long to Infrequent Access (AFTER_N_DAYS), or null to keep them in Standard."
  type        = string
  default     = "AFTER_30_DAYS"

  validation {
    condition     = var.transition_to_ia == null || contains(["AFTER_1_DAY", "AFTER_7_DAYS", "AFTER_14_DAYS", "AFTER_30_DAYS", "AFTER_60_DAYS", "AFTER_90_DAYS", "AFTER_180_DAYS", "AFTER_270_DAYS", "AFTER_365_DAYS"], coalesce(var.transition_to_ia, "-"))
    error_message = "transition_to_ia must be one of AFTER_1_DAY, AFTER_7_DAYS, AFTER_14_DAYS, AFTER_30_DAYS, AFTER_60_DAYS, AFTER_90_DAYS, AFTER_180_DAYS, AFTER_270_DAYS, AFTER_365_DAYS or null."
  }
}

variable "transition_to_archive" {
  description = "Move files not read for this long to the Archive class (needs elastic throughput), or null."
  type        = string
  default     = "AFTER_90_DAYS"

  validation {
    condition     = var.transition_to_archive == null || contains(["AFTER_1_DAY", "AFTER_7_DAYS", "AFTER_14_DAYS", "AFTER_30_DAYS", "AFTER_60_DAYS", "AFTER_90_DAYS", "AFTER_180_DAYS", "AFTER_270_DAYS", "AFTER_365_DAYS"], coalesce(var.transition_to_archive, "-"))
    error_message = "transition_to_archive must be an AFTER_N_DAYS value or null."
  }

  validation {
    condition     = var.transition_to_archive == null || var.throughput_mode == "elastic"
    error_message = "transition_to_archive requires throughput_mode = elastic."
  }
}

variable "transition_to_primary_storage_class" {
  description = "Bring a file back to Standard on first access (AFTER_1_ACCESS), or null to leave it in IA."
  type        = string
  default     = "AFTER_1_ACCESS"

  validation {
    condition     = var.transition_to_primary_storage_class == null || var.transition_to_primary_storage_class == "AFTER_1_ACCESS"
    error_message = "transition_to_primary_storage_class must be AFTER_1_ACCESS or null."
  }
}

variable "access_point" {
  description = "The service's access point: every request through it runs as this POSIX user, confined to `root_directory` (created with the owner and permissions given). uid/gid 185 match the Quarkus container images."
  type = object({
    uid            = optional(number, 185)
    gid            = optional(number, 185)
    secondary_gids = optional(list(number), [])
    root_directory = optional(string, "/media")
    permissions    = optional(string, "0750")
  })
  default = {}

  validation {
    condition     = var.access_point.uid > 0 && var.access_point.gid > 0
    error_message = "access_point uid and gid must not be 0: the service must not write as root."
  }

  validation {
    condition     = can(regex("^/[A-Za-z0-9_./-]{0,99}$", var.access_point.root_directory)) && !strcontains(var.access_point.root_directory, "..")
    error_message = "access_point.root_directory must be an absolute path without '..'."
  }

  validation {
    condition     = can(regex("^0?[0-7]{3}$", var.access_point.permissions))
    error_message = "access_point.permissions must be an octal mode such as 0750."
  }
}

variable "client_role_arns" {
  description = "IAM roles allowed to mount (and write) through the access point. Empty allows any principal of this account whose own IAM policy grants it (the service-iam module's media policy does)."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for r in var.client_role_arns : can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:role/", r))])
    error_message = "client_role_arns must be IAM role ARNs."
  }
}

variable "backup_enabled" {
  description = "Turn on automatic daily AWS Backup of the file system."
  type        = bool
  default     = true
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
