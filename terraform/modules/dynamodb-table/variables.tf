variable "name" {
  description = "Table name."
  type        = string

  validation {
    condition     = can(regex("^[a-zA-Z0-9_.-]{3,255}$", var.name))
    error_message = "name must be 3-255 characters of letters, digits, underscore, hyphen and dot."
  }
}

variable "hash_key" {
  description = "Partition key attribute name (must be declared in `attributes`)."
  type        = string
  default     = "PK"
}

variable "range_key" {
  description = "Sort key attribute name (must be declared in `attributes`), or null for a partition-key-only table."
  type        = string
  default     = "SK"
}

variable "attributes" {
  description = "Key attributes of the table and its indexes: name and type (S, N or B). Declare only attributes used in a key schema."
  type = list(object({
    name = string
    type = string
  }))
  default = [
    { name = "PK", type = "S" },
    { name = "SK", type = "S" },
  ]

  validation {
    condition     = alltrue([for a in var.attributes : contains(["S", "N", "B"], a.type)])
    error_message = "Every attribute type must be S, N or B."
  }

  validation {
    condition     = length(distinct([for a in var.attributes : a.name])) == length(var.attributes)
    error_message = "Attribute names must be unique."
  }

  validation {
    condition     = contains([for a in var.attributes : a.name], var.hash_key) && (var.range_key == null || contains([for a in var.attributes : a.name], coalesce(var.range_key, "-")))
    error_message = "hash_key and range_key must be declared in attributes."
  }
}

variable "global_secondary_indexes" {
  description = "Global secondary indexes. `projection_type` is ALL, KEYS_ONLY or INCLUDE (with `non_key_attributes`). Capacities apply only in PROVISIONED mode."
  type = list(object({
    name               = string
    hash_key           = string
    range_key          = optional(string)
    projection_type    = optional(string, "ALL")
    non_key_attributes = optional(list(string), [])
    read_capacity      = optional(number, 5)
    write_capacity     = optional(number, 5)
  }))
  default = []

  validation {
    condition     = alltrue([for g in var.global_secondary_indexes : contains(["ALL", "KEYS_ONLY", "INCLUDE"], g.projection_type)])
    error_message = "projection_type must be ALL, KEYS_ONLY or INCLUDE."
  }

  validation {
    condition     = alltrue([for g in var.global_secondary_indexes : contains([for a in var.attributes : a.name], g.hash_key) && (g.range_key == null || contains([for a in var.attributes : a.name], coalesce(g.range_key, "-")))])
    error_message = "Every index key must be declared in attributes."
  }

  validation {
    condition     = length(var.global_secondary_indexes) <= 20 && length(distinct([for g in var.global_secondary_indexes : g.name])) == length(var.global_secondary_indexes)
    error_message = "At most 20 global secondary indexes, with unique names."
  }
}

variable "billing_mode" {
  description = "PAY_PER_REQUEST (on demand) or PROVISIONED (with auto scaling)."
  type        = string
  default     = "PAY_PER_REQUEST"

  validation {
    condition     = contains(["PAY_PER_REQUEST", "PROVISIONED"], var.billing_mode)
    error_message = "billing_mode must be PAY_PER_REQUEST or PROVISIONED."
  }
}

variable "read_capacity" {
  description = "Initial read capacity units (PROVISIONED only; auto scaling takes over)."
  type        = number
  default     = 5

  validation {
    condition     = var.read_capacity >= 1
    error_message = "read_capacity must be at least 1."
  }
}

variable "write_capacity" {
  description = "Initial write capacity units (PROVISIONED only; auto scaling takes over)."
  type        = number
  default     = 5

  validation {
    condition     = var.write_capacity >= 1
    error_message = "write_capacity must be at least 1."
  }
}

variable "autoscaling" {
  description = "Target-tracking auto scaling of the table and every index (PROVISIONED only)."
  type = object({
    enabled            = optional(bool, true)
    read_min_capacity  = optional(number, 5)
    read_max_capacity  = optional(number, 200)
    write_min_capacity = optional(number, 5)
    write_max_capacity = optional(number, 200)
    target_utilization = optional(number, 70)
    scale_in_cooldown  = optional(number, 60)
    scale_out_cooldown = optional(number, 60)
  })
  default = {}

  validation {
    condition     = var.autoscaling.target_utilization >= 20 && var.autoscaling.target_utilization <= 90
    error_message = "autoscaling.target_utilization must be between 20 and 90 percent."
  }

  validation {
    condition     = var.autoscaling.read_min_capacity >= 1 && var.autoscaling.read_max_capacity >= var.autoscaling.read_min_capacity && var.autoscaling.write_min_capacity >= 1 && var.autoscaling.write_max_capacity >= var.autoscaling.write_min_capacity
    error_message = "autoscaling minimums must be at least 1 and maximums at least the minimums."
  }
}

variable "ttl_attribute" {
  description = "Attribute holding the expiry epoch seconds (TTL), or null to turn TTL off."
  type        = string
  default     = "expiresAt"
}

variable "stream_view_type" {
  description = "DynamoDB Streams view type (KEYS_ONLY, NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES), or null for no stream. Global-table replicas need NEW_AND_OLD_IMAGES."
  type        = string
  default     = "NEW_AND_OLD_IMAGES"

  validation {
    condition     = var.stream_view_type == null || contains(["KEYS_ONLY", "NEW_IMAGE", "OLD_IMAGE", "NEW_AND_OLD_IMAGES"], coalesce(var.stream_view_type, "-"))
    error_message = "stream_view_type must be KEYS_ONLY, NEW_IMAGE, OLD_IMAGE, NEW_AND_OLD_IMAGES or null."
  }
}

variable "point_in_time_recovery_enabled" {
  description = "Continuous backups with point-in-time recovery (35 days)."
  type        = bool
  default     = true
}

variable "deletion_protection_enabled" {
  description = "Refuse DeleteTable until this is turned off."
  type        = bool
  default     = true
}

variable "table_class" {
  description = "STANDARD or STANDARD_INFREQUENT_ACCESS."
  type        = string
  default     = "STANDARD"

  validation {
    condition     = contains(["STANDARD", "STANDARD_INFREQUENT_ACCESS"], var.table_class)
    error_message = "table_class must be STANDARD or STANDARD_INFREQUENT_ACCESS."
  }
}

variable "kms_key_arn" {
  description = "Customer managed KMS key for server-side encryption. Null creates a dedicated key with rotation on."
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

variable "replicas" {
  description = "Global-table replicas in other regions. Each needs a KMS key ARN from its own region."
  type = list(object({
    region_name            = string
    kms_key_arn            = string
    point_in_time_recovery = optional(bool, true)
    propagate_tags         = optional(bool, true)
  }))
  default = []

  validation {
    condition     = alltrue([for r in var.replicas : can(regex("^[a-z]{2}(-[a-z]+)+-[0-9]$", r.region_name)) && can(regex("^arn:aws[a-z-]*:kms:", r.kms_key_arn))])
    error_message = "Every replica needs a region name (for example eu-central-1) and a KMS key ARN in that region."
  }

  validation {
    condition     = length(var.replicas) == 0 || var.stream_view_type == "NEW_AND_OLD_IMAGES"
    error_message = "Global-table replicas require stream_view_type = NEW_AND_OLD_IMAGES."
  }
}

variable "create_alarms" {
  description = "Create CloudWatch alarms on read/write throttle events of the table and every index."
  type        = bool
  default     = true
}

variable "throttle_alarm_threshold" {
  description = "Throttle events per period that raise an alarm."
  type        = number
  default     = 10

  validation {
    condition     = var.throttle_alarm_threshold >= 0
    error_message = "throttle_alarm_threshold cannot be negative."
  }
}

variable "alarm_period_seconds" {
  description = "Evaluation period of the alarms in seconds."
  type        = number
  default     = 300

  validation {
    condition     = contains([60, 300, 900, 3600], var.alarm_period_seconds)
    error_message = "alarm_period_seconds must be 60, 300, 900 or 3600."
  }
}

variable "alarm_actions" {
  description = "ARNs notified when an alarm fires or recovers (for example an SNS topic)."
  type        = list(string)
  default     = []
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
