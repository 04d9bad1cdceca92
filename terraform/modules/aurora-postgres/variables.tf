variable "name" {
  description = "Cluster identifier and prefix of every resource of the cluster."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,48}[a-z0-9]$", var.name)) && !strcontains(var.name, "--")
    error_message = "name must be 2-50 characters of lowercase letters, digits and single hyphens, start with a letter and not end with a hyphen."
  }
}

variable "engine_version" {
  description = "Aurora PostgreSQL engine version (major.minor). The parameter group family follows its major version."
  type        = string
  default     = "16.6"

  validation {
    condition     = can(regex("^(1[3-9]|[2-9][0-9])\\.[0-9]+$", var.engine_version))
    error_message = "engine_version must look like 16.6 (major 13 or later)."
  }
}

variable "database_name" {
  description = "Name of the database created in the cluster."
  type        = string
  default     = "orders"

  validation {
    condition     = can(regex("^[a-z][a-z0-9_]{0,62}$", var.database_name)) && !contains(["postgres", "template0", "template1", "rdsadmin"], var.database_name)
    error_message = "database_name must be 1-63 lowercase letters, digits or underscores, start with a letter, and not be a reserved database."
  }
}

variable "master_username" {
  description = "Master user name. Its password is generated and rotated by RDS in Secrets Manager; Terraform never sees it."
  type        = string
  default     = "order_admin"

  validation {
    condition     = can(regex("^[a-z][a-z0-9_]{0,62}$", var.master_username)) && !contains(["admin", "postgres", "rdsadmin", "rds_superuser", "rdsrepladmin"], var.master_username)
    error_message = "master_username must be 1-63 lowercase letters, digits or underscores, start with a letter, and not be a reserved name."
  }
}

variable "app_username" {
  description = "Application role the service logs in as (DML on its own tables only; created and given its password by the migration task). Its login lives in a secret of its own; through the proxy the service authenticates as this role with IAM tokens."
  type        = string
  default     = "order_app"

  validation {
    condition     = can(regex("^[a-z][a-z0-9_]{0,62}$", var.app_username)) && var.app_username != var.master_username
    error_message = "app_username must be a lowercase PostgreSQL identifier other than master_username."
  }
}

variable "app_user_secret_recovery_window_in_days" {
  description = "Days a deleted application login secret can be restored (0 deletes at once: throwaway environments only)."
  type        = number
  default     = 30

  validation {
    condition     = var.app_user_secret_recovery_window_in_days == 0 || (var.app_user_secret_recovery_window_in_days >= 7 && var.app_user_secret_recovery_window_in_days <= 30)
    error_message = "app_user_secret_recovery_window_in_days must be 0 or between 7 and 30."
  }
}

variable "vpc_id" {
  description = "VPC of the cluster."
  type        = string

  validation {
    condition     = can(regex("^vpc-", var.vpc_id))
    error_message = "vpc_id must be a VPC ID (vpc-...)."
  }
}

variable "subnet_ids" {
  description = "Private (data) subnets of the DB subnet group, in at least two availability zones."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) >= 2 && alltrue([for s in var.subnet_ids : can(regex("^subnet-", s))])
    error_message = "subnet_ids must list at least two subnet IDs (subnet-...) in different availability zones."
  }
}

variable "allowed_security_group_ids" {
  description = "Map of a static name (for example the service name) to a security group ID admitted on PostgreSQL (5432). Nothing else is admitted."
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for id in values(var.allowed_security_group_ids) : can(regex("^sg-", id))])
    error_message = "allowed_security_group_ids values must be security group IDs (sg-...)."
  }
}

variable "availability_zones" {
  description = "AZs to place the instances in, round robin (writer in the first). Empty lets RDS choose, which may stack instances in one AZ."
  type        = list(string)
  default     = []
}

variable "ca_cert_identifier" {
  description = "Certificate authority of the instances' server certificates (clients verify it with the RDS CA bundle). Null keeps the region's default."
  type        = string
  default     = "rds-ca-rsa2048-g1"

  validation {
    condition     = var.ca_cert_identifier == null || can(regex("^rds-ca-", coalesce(var.ca_cert_identifier, "-")))
    error_message = "ca_cert_identifier must name an RDS certificate authority (rds-ca-...)."
  }
}

variable "instance_mode" {
  description = "provisioned (fixed instance_class) or serverless (Aurora Serverless v2, scaling between serverless_min_capacity and serverless_max_capacity ACU)."
  type        = string
  default     = "provisioned"

  validation {
    condition     = contains(["provisioned", "serverless"], var.instance_mode)
    error_message = "instance_mode must be provisioned or serverless."
  }
}

variable "instance_class" {
  description = "Instance class of every instance when instance_mode is provisioned."
  type        = string
  default     = "db.r7g.large"

  validation {
    condition     = can(regex("^db\\.[a-z0-9]+\\.[a-z0-9]+$", var.instance_class)) && var.instance_class != "db.serverless"
    error_message = "instance_class must be a DB instance class such as db.r7g.large (use instance_mode = serverless for Serverless v2)."
  }
}

variable "serverless_min_capacity" {
  description = "Minimum Aurora capacity units (ACU) in serverless mode, in steps of 0.5 (0 lets idle clusters pause)."
  type        = number
  default     = 0.5

  validation {
    condition     = var.serverless_min_capacity >= 0 && var.serverless_min_capacity <= 256 && floor(var.serverless_min_capacity * 2) == var.serverless_min_capacity * 2
    error_message = "serverless_min_capacity must be between 0 and 256 in steps of 0.5."
  }
}

variable "serverless_max_capacity" {
  description = "Maximum Aurora capacity units (ACU) in serverless mode, in steps of 0.5."
  type        = number
  default     = 4

  validation {
    condition     = var.serverless_max_capacity >= 1 && var.serverless_max_capacity <= 256 && floor(var.serverless_max_capacity * 2) == var.serverless_max_capacity * 2
    error_message = "serverless_max_capacity must be between 1 and 256 in steps of 0.5."
  }

  validation {
    condition     = var.serverless_max_capacity >= var.serverless_min_capacity
    error_message = "serverless_max_capacity must be at least serverless_min_capacity."
  }
}

variable "reader_count" {
  description = "Number of reader instances besides the writer (spread over the subnets' AZs; failover targets)."
  type        = number
  default     = 1

  validation {
    condition     = var.reader_count >= 0 && var.reader_count <= 15 && floor(var.reader_count) == var.reader_count
    error_message = "reader_count must be a whole number between 0 and 15."
  }
}

variable "reader_autoscaling" {
  description = "Application Auto Scaling of the reader count on average reader CPU. Instances it adds are not managed by Terraform."
  type = object({
    enabled            = optional(bool, false)
    min_readers        = optional(number, 1)
    max_readers        = optional(number, 3)
    target_cpu_percent = optional(number, 70)
    scale_in_cooldown  = optional(number, 300)
    scale_out_cooldown = optional(number, 300)
  })
  default = {}

  validation {
    condition     = var.reader_autoscaling.min_readers >= 1 && var.reader_autoscaling.max_readers >= var.reader_autoscaling.min_readers && var.reader_autoscaling.max_readers <= 15
    error_message = "reader_autoscaling needs 1 <= min_readers <= max_readers <= 15."
  }

  validation {
    condition     = var.reader_autoscaling.target_cpu_percent >= 10 && var.reader_autoscaling.target_cpu_percent <= 90
    error_message = "reader_autoscaling.target_cpu_percent must be between 10 and 90."
  }

  validation {
    condition     = !var.reader_autoscaling.enabled || var.reader_count >= 1
    error_message = "reader_autoscaling requires reader_count >= 1: Aurora auto scaling only scales clusters that already have a reader."
  }
}

variable "kms_key_arn" {
  description = "Customer managed KMS key for storage, Performance Insights and the master user secret. Null creates a dedicated key with rotation on."
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

variable "iam_database_authentication_enabled" {
  description = "Allow IAM authentication tokens for database users granted rds_iam."
  type        = bool
  default     = true
}

variable "backup_retention_period" {
  description = "Days of automated backups (and of the point-in-time recovery window)."
  type        = number
  default     = 7

  validation {
    condition     = var.backup_retention_period >= 1 && var.backup_retention_period <= 35
    error_message = "backup_retention_period must be between 1 and 35 days (0 would turn point-in-time recovery off)."
  }
}

variable "preferred_backup_window" {
  description = "Daily UTC backup window (hh24:mi-hh24:mi), outside the maintenance window."
  type        = string
  default     = "02:00-03:00"

  validation {
    condition     = can(regex("^([01][0-9]|2[0-3]):[0-5][0-9]-([01][0-9]|2[0-3]):[0-5][0-9]$", var.preferred_backup_window))
    error_message = "preferred_backup_window must look like 02:00-03:00."
  }
}

variable "preferred_maintenance_window" {
  description = "Weekly UTC maintenance window (ddd:hh24:mi-ddd:hh24:mi)."
  type        = string
  default     = "sun:04:00-sun:05:00"

  validation {
    condition     = can(regex("^(mon|tue|wed|thu|fri|sat|sun):([01][0-9]|2[0-3]):[0-5][0-9]-(mon|tue|wed|thu|fri|sat|sun):([01][0-9]|2[0-3]):[0-5][0-9]$", var.preferred_maintenance_window))
    error_message = "preferred_maintenance_window must look like sun:04:00-sun:05:00."
  }
}

variable "deletion_protection" {
  description = "Refuse to delete the cluster until this is turned off."
  type        = bool
  default     = true
}

variable "skip_final_snapshot" {
  description = "Delete without a final snapshot. Keep false for anything holding real data."
  type        = bool
  default     = false
}

variable "apply_immediately" {
  description = "Apply modifications now instead of in the next maintenance window."
  type        = bool
  default     = false
}

variable "performance_insights_enabled" {
  description = "Turn on Performance Insights (encrypted with the cluster key)."
  type        = bool
  default     = true
}

variable "performance_insights_retention_period" {
  description = "Days of Performance Insights data: 7 (free tier) or a multiple of 31 up to 731."
  type        = number
  default     = 7

  validation {
    condition     = contains([7, 731], var.performance_insights_retention_period) || (var.performance_insights_retention_period % 31 == 0 && var.performance_insights_retention_period > 0 && var.performance_insights_retention_period <= 713)
    error_message = "performance_insights_retention_period must be 7, a multiple of 31 up to 713, or 731."
  }
}

variable "monitoring_interval" {
  description = "Enhanced Monitoring interval in seconds (0 turns it off)."
  type        = number
  default     = 60

  validation {
    condition     = contains([0, 1, 5, 10, 15, 30, 60], var.monitoring_interval)
    error_message = "monitoring_interval must be one of 0, 1, 5, 10, 15, 30, 60."
  }
}

variable "enabled_cloudwatch_logs_exports" {
  description = "Log types exported to CloudWatch Logs."
  type        = list(string)
  default     = ["postgresql"]

  validation {
    condition     = alltrue([for l in var.enabled_cloudwatch_logs_exports : contains(["postgresql", "iam-db-auth-error"], l)])
    error_message = "enabled_cloudwatch_logs_exports entries must be postgresql or iam-db-auth-error."
  }
}

variable "cloudwatch_log_retention_in_days" {
  description = "Retention of the exported log groups in days."
  type        = number
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.cloudwatch_log_retention_in_days)
    error_message = "cloudwatch_log_retention_in_days must be a retention value CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, ...)."
  }
}

variable "log_min_duration_statement_ms" {
  description = "Log (and auto_explain) every statement slower than this many milliseconds."
  type        = number
  default     = 1000

  validation {
    condition     = var.log_min_duration_statement_ms >= -1
    error_message = "log_min_duration_statement_ms must be -1 (off) or more."
  }
}

variable "statement_timeout_ms" {
  description = "Server-side cap on a single statement in milliseconds (0 = none). Migrations that need longer set it per session."
  type        = number
  default     = 30000

  validation {
    condition     = var.statement_timeout_ms >= 0
    error_message = "statement_timeout_ms cannot be negative."
  }
}

variable "idle_in_transaction_session_timeout_ms" {
  description = "Terminate sessions idle inside an open transaction for longer than this many milliseconds (0 = never); stops leaked transactions from holding locks."
  type        = number
  default     = 60000

  validation {
    condition     = var.idle_in_transaction_session_timeout_ms >= 0
    error_message = "idle_in_transaction_session_timeout_ms cannot be negative."
  }
}

variable "cluster_parameters" {
  description = "Extra cluster parameters (or overrides of the module's), each with an apply_method of immediate or pending-reboot."
  type = list(object({
    name         = string
    value        = string
    apply_method = optional(string, "immediate")
  }))
  default = []

  validation {
    condition     = alltrue([for p in var.cluster_parameters : contains(["immediate", "pending-reboot"], p.apply_method)])
    error_message = "apply_method must be immediate or pending-reboot."
  }

  validation {
    condition     = !contains([for p in var.cluster_parameters : p.name], "rds.force_ssl") || alltrue([for p in var.cluster_parameters : p.value == "1" if p.name == "rds.force_ssl"])
    error_message = "rds.force_ssl cannot be turned off: clients must use TLS."
  }
}

variable "instance_parameters" {
  description = "Extra DB instance parameters (or overrides of the module's)."
  type = list(object({
    name         = string
    value        = string
    apply_method = optional(string, "immediate")
  }))
  default = []

  validation {
    condition     = alltrue([for p in var.instance_parameters : contains(["immediate", "pending-reboot"], p.apply_method)])
    error_message = "apply_method must be immediate or pending-reboot."
  }
}

variable "create_proxy" {
  description = "Put an RDS Proxy (TLS required, IAM authentication required) in front of the cluster, with a read-only endpoint when there are readers."
  type        = bool
  default     = false
}

variable "proxy_secrets_manager_endpoint_security_group_id" {
  description = "Security group of the VPC's Secrets Manager interface endpoint (required with create_proxy): the proxy gets HTTPS egress to it, its only way to read its login from the data subnets."
  type        = string
  default     = null

  validation {
    condition     = var.proxy_secrets_manager_endpoint_security_group_id == null || can(regex("^sg-", coalesce(var.proxy_secrets_manager_endpoint_security_group_id, "-")))
    error_message = "proxy_secrets_manager_endpoint_security_group_id must be a security group ID (sg-...)."
  }
}

variable "proxy_subnet_ids" {
  description = "Subnets of the proxy; null uses subnet_ids."
  type        = list(string)
  default     = null
}

variable "proxy_idle_client_timeout" {
  description = "Seconds a client connection may idle on the proxy."
  type        = number
  default     = 1800

  validation {
    condition     = var.proxy_idle_client_timeout >= 1 && var.proxy_idle_client_timeout <= 28800
    error_message = "proxy_idle_client_timeout must be between 1 and 28800 seconds."
  }
}

variable "proxy_max_connections_percent" {
  description = "Share of the cluster's max_connections the proxy may open."
  type        = number
  default     = 90

  validation {
    condition     = var.proxy_max_connections_percent >= 1 && var.proxy_max_connections_percent <= 100
    error_message = "proxy_max_connections_percent must be between 1 and 100."
  }
}

variable "create_alarms" {
  description = "Create CloudWatch alarms on CPU, freeable memory, connections and replica lag."
  type        = bool
  default     = true
}

variable "alarm_thresholds" {
  description = "Alarm thresholds: CPU percent, freeable memory bytes, connection count, replica lag milliseconds."
  type = object({
    cpu_percent          = optional(number, 80)
    freeable_memory_mb   = optional(number, 256)
    database_connections = optional(number, 400)
    replica_lag_ms       = optional(number, 1000)
  })
  default = {}

  validation {
    condition     = var.alarm_thresholds.cpu_percent > 0 && var.alarm_thresholds.cpu_percent <= 100 && var.alarm_thresholds.freeable_memory_mb > 0 && var.alarm_thresholds.database_connections > 0 && var.alarm_thresholds.replica_lag_ms > 0
    error_message = "alarm_thresholds must be positive (cpu_percent at most 100)."
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
