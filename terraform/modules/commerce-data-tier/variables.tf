################################################################################
# General
################################################################################

variable "name" {
  description = "Name prefix of every resource, usually <project>-<environment> (for example `commerce-prod`)."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,22}[a-z0-9]$", var.name))
    error_message = "name must be 3-24 characters of lowercase letters, digits and hyphens, start with a letter and not end with a hyphen."
  }
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}

variable "kms_key_deletion_window_in_days" {
  description = "Waiting period before a deleted KMS key is gone (7 for throwaway environments, 30 for production)."
  type        = number
  default     = 30

  validation {
    condition     = var.kms_key_deletion_window_in_days >= 7 && var.kms_key_deletion_window_in_days <= 30
    error_message = "kms_key_deletion_window_in_days must be between 7 and 30."
  }
}

variable "create_alarms" {
  description = "Create the CloudWatch alarms of every data store."
  type        = bool
  default     = true
}

variable "alarm_actions" {
  description = "ARNs (for example an SNS topic of the on-call rotation) notified by every alarm. Empty creates the topic <name>-alarms (see alarm_email_addresses) so that an alarm always notifies somewhere."
  type        = list(string)
  default     = []
}

variable "alarm_email_addresses" {
  description = "Addresses subscribed (by e-mail, confirmed by the recipient) to the <name>-alarms topic created when alarm_actions is empty."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for a in var.alarm_email_addresses : can(regex("^[^@\\s]+@[^@\\s]+\\.[^@\\s]+$", a))])
    error_message = "alarm_email_addresses must be e-mail addresses."
  }
}

variable "secret_recovery_window_in_days" {
  description = "Days a deleted secret of the stack can be restored (0 deletes at once: throwaway environments only)."
  type        = number
  default     = 30

  validation {
    condition     = var.secret_recovery_window_in_days == 0 || (var.secret_recovery_window_in_days >= 7 && var.secret_recovery_window_in_days <= 30)
    error_message = "secret_recovery_window_in_days must be 0 or between 7 and 30."
  }
}

################################################################################
# Network
################################################################################

variable "vpc_cidr" {
  description = "A /16 for the VPC; subnets are carved from it (private /20s, data and public /24s)."
  type        = string
  default     = "10.40.0.0/16"

  validation {
    condition     = can(cidrhost(var.vpc_cidr, 0)) && endswith(var.vpc_cidr, "/16")
    error_message = "vpc_cidr must be a valid IPv4 /16."
  }
}

variable "azs" {
  description = "Availability zones to use (three for production). Null takes the first az_count zones of the region."
  type        = list(string)
  default     = null
}

variable "az_count" {
  description = "Number of availability zones when azs is null."
  type        = number
  default     = 3

  validation {
    condition     = var.az_count >= 2 && var.az_count <= 3
    error_message = "az_count must be 2 or 3."
  }
}

variable "create_public_subnets" {
  description = "Create public subnets (for the services' load balancer and NAT gateways)."
  type        = bool
  default     = true
}

variable "enable_nat_gateway" {
  description = "Give the private subnets outbound internet access (AWS APIs without interface endpoints, the identity provider)."
  type        = bool
  default     = true
}

variable "single_nat_gateway" {
  description = "One NAT gateway for all AZs (dev) instead of one per AZ (prod)."
  type        = bool
  default     = false
}

variable "interface_endpoints" {
  description = "AWS services reached through interface endpoints (for example secretsmanager, kms, sts, logs)."
  type        = set(string)
  default     = []
}

variable "enable_flow_logs" {
  description = "Capture VPC flow logs."
  type        = bool
  default     = false
}

################################################################################
# catalog-service: DynamoDB
################################################################################

variable "catalog_table_billing_mode" {
  description = "Capacity mode of the catalog table: PAY_PER_REQUEST (on demand) or PROVISIONED (auto scaled). Its keys, indexes, TTL attribute and stream are not inputs: they are the contract in terraform/contracts/catalog-table.json, shared with catalog-service."
  type        = string
  default     = "PAY_PER_REQUEST"

  validation {
    condition     = contains(["PAY_PER_REQUEST", "PROVISIONED"], var.catalog_table_billing_mode)
    error_message = "catalog_table_billing_mode must be PAY_PER_REQUEST or PROVISIONED."
  }
}

variable "dynamodb_deletion_protection" {
  description = "Deletion protection of the catalog table."
  type        = bool
  default     = true
}

################################################################################
# order-service: Aurora PostgreSQL
################################################################################

variable "aurora" {
  description = "Sizing of the order database: provisioned instance class or Serverless v2 ACU range, reader count and reader auto scaling."
  type = object({
    engine_version          = optional(string, "16.6")
    instance_mode           = optional(string, "provisioned")
    instance_class          = optional(string, "db.r7g.large")
    serverless_min_capacity = optional(number, 0.5)
    serverless_max_capacity = optional(number, 4)
    reader_count            = optional(number, 1)
    reader_autoscaling = optional(object({
      enabled     = optional(bool, false)
      min_readers = optional(number, 1)
      max_readers = optional(number, 3)
    }), {})
  })
  default = {}

  validation {
    condition     = contains(["provisioned", "serverless"], var.aurora.instance_mode)
    error_message = "aurora.instance_mode must be provisioned or serverless."
  }

  validation {
    condition     = var.aurora.reader_count >= 0 && var.aurora.reader_count <= 15
    error_message = "aurora.reader_count must be between 0 and 15."
  }
}

variable "aurora_backup_retention_days" {
  description = "Days of automated backups and point-in-time recovery of the order database."
  type        = number
  default     = 7

  validation {
    condition     = var.aurora_backup_retention_days >= 1 && var.aurora_backup_retention_days <= 35
    error_message = "aurora_backup_retention_days must be between 1 and 35 (Aurora always keeps backups; 0 is not allowed)."
  }
}

variable "aurora_deletion_protection" {
  description = "Deletion protection of the order database (and a final snapshot on delete)."
  type        = bool
  default     = true
}

variable "aurora_performance_insights_enabled" {
  description = "Performance Insights on the order database instances."
  type        = bool
  default     = true
}

variable "aurora_monitoring_interval" {
  description = "Enhanced Monitoring interval in seconds (0 = off)."
  type        = number
  default     = 60

  validation {
    condition     = contains([0, 1, 5, 10, 15, 30, 60], var.aurora_monitoring_interval)
    error_message = "aurora_monitoring_interval must be one of 0, 1, 5, 10, 15, 30, 60."
  }
}

variable "aurora_ca_cert_identifier" {
  description = "Certificate authority of the order database's server certificates; null keeps the region's default."
  type        = string
  default     = "rds-ca-rsa2048-g1"
}

variable "aurora_create_proxy" {
  description = "Put an RDS Proxy in front of the order database; the service then connects through it as order_app with IAM tokens (the proxy reads order_app's secret through a Secrets Manager interface endpoint, added to interface_endpoints)."
  type        = bool
  default     = false
}

variable "order_db_app_username" {
  description = "Application role order-service logs in as (DML on its own tables only). Its login is a secret of its own; the migration task creates the role and sets its password, the master secret is never used at run time."
  type        = string
  default     = "order_app"

  validation {
    condition     = can(regex("^[a-z][a-z0-9_]{0,62}$", var.order_db_app_username)) && var.order_db_app_username != "order_admin"
    error_message = "order_db_app_username must be a lowercase PostgreSQL identifier other than the master user order_admin."
  }
}

################################################################################
# session-service: ElastiCache
################################################################################

variable "create_elasticache" {
  description = "Create the ElastiCache replication group for session-service (off only where the API is not available, such as a local emulator)."
  type        = bool
  default     = true
}

variable "redis" {
  description = "Sizing and topology of the session store."
  type = object({
    engine_version           = optional(string, "7.1")
    node_type                = optional(string, "cache.r7g.large")
    cluster_mode_enabled     = optional(bool, false)
    num_node_groups          = optional(number, 1)
    replicas_per_node_group  = optional(number, 1)
    multi_az_enabled         = optional(bool, true)
    snapshot_retention_limit = optional(number, 7)
  })
  default = {}

  validation {
    condition     = !var.redis.multi_az_enabled || var.redis.replicas_per_node_group >= 1
    error_message = "redis.multi_az_enabled needs at least one replica per node group."
  }

  validation {
    condition     = var.redis.num_node_groups >= 1 && (var.redis.cluster_mode_enabled || var.redis.num_node_groups == 1)
    error_message = "redis.num_node_groups must be 1 unless cluster_mode_enabled is true."
  }
}

################################################################################
# media-service: S3 or EFS
################################################################################

variable "media_store" {
  description = "Store media-service uses: s3 or efs (its `MEDIA_STORE`)."
  type        = string
  default     = "s3"

  validation {
    condition     = contains(["s3", "efs"], var.media_store)
    error_message = "media_store must be s3 or efs."
  }
}

variable "media_stores" {
  description = "Stores to provision; must include media_store. Both only where the other one is exercised too (the emulator)."
  type        = set(string)
  default     = null

  validation {
    condition     = var.media_stores == null || try(alltrue([for s in var.media_stores : contains(["s3", "efs"], s)]), false)
    error_message = "media_stores entries must be s3 or efs."
  }

  validation {
    condition     = var.media_stores == null || try(contains(var.media_stores, var.media_store), false)
    error_message = "media_stores must include media_store."
  }
}

variable "media_bucket_name" {
  description = "Name of the media bucket. Null uses <name>-media-<account id>, unique per account."
  type        = string
  default     = null
}

variable "media_cors_allowed_origins" {
  description = "Web origins allowed to upload with presigned URLs (https://shop.example.com)."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for o in var.media_cors_allowed_origins : can(regex("^https?://[^*/]+$", o))])
    error_message = "media_cors_allowed_origins must be scheme://host[:port] origins without wildcards or paths."
  }
}

variable "media_lifecycle_rules" {
  description = "Overrides of the media bucket lifecycle (see the s3-media module's lifecycle_rules)."
  type        = any
  default     = {}
}

variable "efs_backup_enabled" {
  description = "Automatic daily AWS Backup of the media file system."
  type        = bool
  default     = true
}

variable "media_force_destroy" {
  description = "Allow destroying the media bucket with objects in it (throwaway environments only)."
  type        = bool
  default     = false
}
