variable "name" {
  description = "Replication group ID and prefix of its resources."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,38}[a-z0-9]$", var.name)) && !strcontains(var.name, "--")
    error_message = "name must be 2-40 characters of lowercase letters, digits and single hyphens, start with a letter and not end with a hyphen."
  }
}

variable "engine" {
  description = "redis or valkey (both speak the Redis protocol)."
  type        = string
  default     = "redis"

  validation {
    condition     = contains(["redis", "valkey"], var.engine)
    error_message = "engine must be redis or valkey."
  }
}

variable "engine_version" {
  description = "Engine version (major.minor). The parameter group family follows it."
  type        = string
  default     = "7.1"

  validation {
    condition     = can(regex("^[6-9]\\.[0-9x]+$", var.engine_version))
    error_message = "engine_version must look like 7.1 (major 6 or later, which supports AUTH with in-transit encryption)."
  }
}

variable "node_type" {
  description = "Cache node type."
  type        = string
  default     = "cache.t4g.small"

  validation {
    condition     = can(regex("^cache\\.[a-z0-9]+\\.[a-z0-9]+$", var.node_type))
    error_message = "node_type must be a cache node type such as cache.r7g.large."
  }
}

variable "cluster_mode_enabled" {
  description = "Shard the keyspace over num_node_groups shards (clients must be cluster-aware and connect to the configuration endpoint)."
  type        = bool
  default     = false
}

variable "num_node_groups" {
  description = "Number of shards when cluster mode is on (1 when it is off)."
  type        = number
  default     = 1

  validation {
    condition     = var.num_node_groups >= 1 && var.num_node_groups <= 500 && floor(var.num_node_groups) == var.num_node_groups
    error_message = "num_node_groups must be a whole number between 1 and 500."
  }

  validation {
    condition     = var.cluster_mode_enabled || var.num_node_groups == 1
    error_message = "num_node_groups above 1 needs cluster_mode_enabled = true."
  }
}

variable "replicas_per_node_group" {
  description = "Replicas in each shard (0-5). At least 1 for Multi-AZ and automatic failover."
  type        = number
  default     = 1

  validation {
    condition     = var.replicas_per_node_group >= 0 && var.replicas_per_node_group <= 5 && floor(var.replicas_per_node_group) == var.replicas_per_node_group
    error_message = "replicas_per_node_group must be a whole number between 0 and 5."
  }
}

variable "multi_az_enabled" {
  description = "Place replicas in other AZs and fail over automatically when the primary's AZ fails."
  type        = bool
  default     = true

  validation {
    condition     = !var.multi_az_enabled || var.replicas_per_node_group >= 1
    error_message = "multi_az_enabled needs replicas_per_node_group >= 1."
  }
}

variable "vpc_id" {
  description = "VPC of the replication group."
  type        = string

  validation {
    condition     = can(regex("^vpc-", var.vpc_id))
    error_message = "vpc_id must be a VPC ID (vpc-...)."
  }
}

variable "subnet_ids" {
  description = "Private (data) subnets of the cache subnet group."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) >= 1 && alltrue([for s in var.subnet_ids : can(regex("^subnet-", s))])
    error_message = "subnet_ids must list at least one subnet ID (subnet-...)."
  }
}

variable "allowed_security_group_ids" {
  description = "Map of a static name (for example the service name) to a security group ID admitted on 6379. Nothing else is admitted."
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for id in values(var.allowed_security_group_ids) : can(regex("^sg-", id))])
    error_message = "allowed_security_group_ids values must be security group IDs (sg-...)."
  }
}

variable "kms_key_arn" {
  description = "Customer managed KMS key for at-rest encryption and the AUTH token secret. Null creates a dedicated key with rotation on."
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

variable "auth_token" {
  description = "AUTH token to use instead of a generated one (16-128 printable characters, none of @ \" /). Null lets Secrets Manager generate it."
  type        = string
  default     = null
  sensitive   = true

  validation {
    condition     = var.auth_token == null || can(regex("^[^@\"/[:space:]]{16,128}$", coalesce(var.auth_token, "-")))
    error_message = "auth_token must be 16-128 printable characters without spaces, @, \" or /."
  }
}

variable "auth_token_secret_recovery_window_in_days" {
  description = "Days a deleted AUTH token secret can still be restored (0 deletes at once)."
  type        = number
  default     = 7

  validation {
    condition     = var.auth_token_secret_recovery_window_in_days == 0 || (var.auth_token_secret_recovery_window_in_days >= 7 && var.auth_token_secret_recovery_window_in_days <= 30)
    error_message = "auth_token_secret_recovery_window_in_days must be 0 or between 7 and 30."
  }
}

variable "maxmemory_policy" {
  description = "Eviction policy. volatile-lru evicts only keys that carry a TTL: every key the session service writes has one, so nothing without a TTL is ever evicted."
  type        = string
  default     = "volatile-lru"

  validation {
    condition     = contains(["volatile-lru", "allkeys-lru", "volatile-lfu", "allkeys-lfu", "volatile-random", "allkeys-random", "volatile-ttl", "noeviction"], var.maxmemory_policy)
    error_message = "maxmemory_policy must be a Redis eviction policy (volatile-lru, allkeys-lru, volatile-lfu, allkeys-lfu, volatile-random, allkeys-random, volatile-ttl, noeviction)."
  }
}

variable "parameters" {
  description = "Extra parameter group settings (name => value), applied after the module's."
  type        = map(string)
  default     = {}
}

variable "snapshot_retention_limit" {
  description = "Days of automatic daily snapshots (0 turns them off)."
  type        = number
  default     = 7

  validation {
    condition     = var.snapshot_retention_limit >= 0 && var.snapshot_retention_limit <= 35
    error_message = "snapshot_retention_limit must be between 0 and 35."
  }
}

variable "snapshot_window" {
  description = "Daily UTC snapshot window (hh24:mi-hh24:mi), outside the maintenance window."
  type        = string
  default     = "03:00-04:00"

  validation {
    condition     = can(regex("^([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-3]):[0-5][0-9]$", var.snapshot_window))
    error_message = "snapshot_window must look like 03:00-04:00."
  }
}

variable "maintenance_window" {
  description = "Weekly UTC maintenance window (ddd:hh24:mi-ddd:hh24:mi)."
  type        = string
  default     = "sun:05:00-sun:06:00"

  validation {
    condition     = can(regex("^(mon|tue|wed|thu|fri|sat|sun):([01][0-9]|2[0-3]):[0-5][0-9]-(mon|tue|wed|thu|fri|sat|sun):([01][0-9]|2[0-3]):[0-5][0-9]$", var.maintenance_window))
    error_message = "maintenance_window must look like sun:05:00-sun:06:00."
  }
}

variable "final_snapshot_enabled" {
  description = "Take a final snapshot when the replication group is deleted."
  type        = bool
  default     = true
}

variable "apply_immediately" {
  description = "Apply modifications now instead of in the next maintenance window."
  type        = bool
  default     = false
}

variable "log_retention_in_days" {
  description = "Retention of the slow-log and engine-log groups in days."
  type        = number
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_in_days)
    error_message = "log_retention_in_days must be a retention value CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, ...)."
  }
}

variable "create_alarms" {
  description = "Create CloudWatch alarms on evictions, memory use and engine CPU of every node."
  type        = bool
  default     = true
}

variable "alarm_thresholds" {
  description = "Alarm thresholds: evictions per 5 minutes, memory used percent, engine CPU percent."
  type = object({
    evictions      = optional(number, 100)
    memory_percent = optional(number, 80)
    cpu_percent    = optional(number, 80)
  })
  default = {}

  validation {
    condition     = var.alarm_thresholds.evictions >= 0 && var.alarm_thresholds.memory_percent > 0 && var.alarm_thresholds.memory_percent <= 100 && var.alarm_thresholds.cpu_percent > 0 && var.alarm_thresholds.cpu_percent <= 100
    error_message = "alarm_thresholds: evictions >= 0, percentages between 0 and 100."
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
