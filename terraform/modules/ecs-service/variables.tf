################################################################################
# Identity and placement
################################################################################

variable "name" {
  description = "Service name (for example `catalog-service`): the ECS service, container, Service Connect discovery name and the key in the data-tier maps."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{0,30}$", var.name))
    error_message = "name must be a lowercase name of up to 31 characters (letters, digits, hyphens)."
  }
}

variable "cluster_name" {
  description = "Name of the ECS cluster (ecs-cluster output cluster_name); also the prefix of the roles, log group and task family."
  type        = string

  validation {
    condition     = can(regex("^[a-zA-Z][a-zA-Z0-9_-]{0,27}$", var.cluster_name))
    error_message = "cluster_name must be 1-28 characters of letters, digits, hyphens and underscores (it prefixes IAM role names)."
  }
}

variable "cluster_arn" {
  description = "ARN of the ECS cluster (ecs-cluster output cluster_arn)."
  type        = string

  validation {
    condition     = can(regex("^arn:aws[a-z-]*:ecs:[a-z0-9-]+:[0-9]{12}:cluster/", var.cluster_arn))
    error_message = "cluster_arn must be an ECS cluster ARN."
  }
}

variable "subnet_ids" {
  description = "Private subnets of the tasks (tasks never get a public IP)."
  type        = list(string)

  validation {
    condition     = length(var.subnet_ids) > 0 && alltrue([for s in var.subnet_ids : can(regex("^subnet-", s))])
    error_message = "subnet_ids must be a non-empty list of subnet IDs (subnet-...)."
  }
}

variable "security_group_id" {
  description = "The service's own security group (service-security-groups output for this service): the one its data store admits and that gets the ingress rules from the load balancer and the calling services."
  type        = string

  validation {
    condition     = can(regex("^sg-", var.security_group_id))
    error_message = "security_group_id must be a security group ID (sg-...)."
  }
}

variable "additional_security_group_ids" {
  description = "More security groups attached to the tasks (for example the interface endpoints' client group)."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for s in var.additional_security_group_ids : can(regex("^sg-", s))])
    error_message = "additional_security_group_ids entries must be security group IDs (sg-...)."
  }
}

variable "ingress_from_security_group_ids" {
  description = "Callers admitted on the container port, as a map of caller name to security group ID (for example { order-service = sg-... }). Keys must be static."
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for k, v in var.ingress_from_security_group_ids : can(regex("^[a-z][a-z0-9-]{0,62}$", k))])
    error_message = "ingress_from_security_group_ids keys must be lowercase names."
  }
}

################################################################################
# Task
################################################################################

variable "image" {
  description = "Container image with an explicit tag or digest (for example <account>.dkr.ecr.<region>.amazonaws.com/commerce/catalog-service:1.4.2). `latest` and untagged references are rejected."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9][a-z0-9._/:-]*(:[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}|@sha256:[a-f0-9]{64})$", var.image)) && !endswith(var.image, ":latest")
    error_message = "image must carry an explicit tag (not latest) or a sha256 digest."
  }
}

variable "ecr_repository_arn" {
  description = "ECR repository of the image; the execution role may pull from this repository only. Null when the image is not in ECR."
  type        = string
  default     = null

  validation {
    condition     = var.ecr_repository_arn == null || can(regex("^arn:aws[a-z-]*:ecr:[a-z0-9-]+:[0-9]{12}:repository/.+$", var.ecr_repository_arn))
    error_message = "ecr_repository_arn must be an ECR repository ARN."
  }
}

variable "cpu" {
  description = "Task CPU units (256, 512, 1024, 2048, 4096, 8192, 16384)."
  type        = number
  default     = 512

  validation {
    condition     = contains([256, 512, 1024, 2048, 4096, 8192, 16384], var.cpu)
    error_message = "cpu must be one of 256, 512, 1024, 2048, 4096, 8192, 16384."
  }
}

variable "memory" {
  description = "Task memory in MiB; must be a valid Fargate combination with cpu (256: 512-2048; 512: 1024-4096; 1024: 2048-8192; 2048: 4096-16384; 4096: 8192-30720; 8192: 16384-61440 in 4096 steps; 16384: 32768-122880 in 8192 steps; below 8192 in 1024 steps)."
  type        = number
  default     = 1024

  validation {
    condition = try(
      var.memory >= lookup({ 256 = 512, 512 = 1024, 1024 = 2048, 2048 = 4096, 4096 = 8192, 8192 = 16384, 16384 = 32768 }, var.cpu) &&
      var.memory <= lookup({ 256 = 2048, 512 = 4096, 1024 = 8192, 2048 = 16384, 4096 = 30720, 8192 = 61440, 16384 = 122880 }, var.cpu) &&
      ((var.cpu == 256 && var.memory == 512) || var.memory % lookup({ 8192 = 4096, 16384 = 8192 }, var.cpu, 1024) == 0),
      false
    )
    error_message = "memory is not a valid Fargate size for the chosen cpu."
  }
}

variable "cpu_architecture" {
  description = "CPU architecture of the image: X86_64 or ARM64 (Graviton, cheaper)."
  type        = string
  default     = "X86_64"

  validation {
    condition     = contains(["X86_64", "ARM64"], var.cpu_architecture)
    error_message = "cpu_architecture must be X86_64 or ARM64."
  }
}

variable "container_port" {
  description = "Port the service listens on (set in the container as PORT, which the services read). Unprivileged: the images run as non-root."
  type        = number
  default     = 8080

  validation {
    condition     = var.container_port >= 1024 && var.container_port <= 65535 && floor(var.container_port) == var.container_port
    error_message = "container_port must be a whole number between 1024 and 65535."
  }
}

variable "environment" {
  description = "Plain environment of the container (names as in the service's application.properties, for example CATALOG_TABLE, ORDER_DB_URL). Never secrets: names that look like passwords, tokens or keys are rejected; use `secrets`."
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for k in keys(var.environment) : can(regex("^[A-Za-z_][A-Za-z0-9_]*$", k))])
    error_message = "environment names must be valid environment variable names."
  }

  validation {
    condition     = alltrue([for k in keys(var.environment) : !can(regex("(?i)(PASSWORD|PASSWD|SECRET|TOKEN|SIGNING_KEY|PRIVATE_KEY|API_KEY)$", k))])
    error_message = "environment must not carry secrets (names ending in PASSWORD, SECRET, TOKEN, SIGNING_KEY, PRIVATE_KEY, API_KEY): pass them in `secrets` as Secrets Manager ARNs."
  }
}

variable "secrets" {
  description = "Container environment variables filled from Secrets Manager or SSM Parameter Store at task start, as a map of variable name to ARN (a Secrets Manager ARN may end with :<json-key>:<version-stage>:<version-id>). The execution role may read exactly these."
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for k in keys(var.secrets) : can(regex("^[A-Za-z_][A-Za-z0-9_]*$", k))])
    error_message = "secrets names must be valid environment variable names."
  }

  validation {
    condition     = alltrue([for v in values(var.secrets) : can(regex("^arn:aws[a-z-]*:(secretsmanager:[a-z0-9-]+:[0-9]{12}:secret:[A-Za-z0-9/_+=.@!-]+(:[^:]*:[^:]*:[^:]*)?|ssm:[a-z0-9-]+:[0-9]{12}:parameter/.+)$", v))])
    error_message = "secrets values must be Secrets Manager secret ARNs (optionally with :json-key:stage:version) or SSM parameter ARNs; never literal values."
  }

  validation {
    condition     = length(setintersection(keys(var.secrets), keys(var.environment))) == 0
    error_message = "A variable cannot be in both environment and secrets."
  }
}

variable "secret_kms_key_arns" {
  description = "Customer managed KMS keys of the secrets in `secrets`; the execution role may decrypt with them through Secrets Manager / SSM only."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for k in var.secret_kms_key_arns : can(regex("^arn:aws[a-z-]*:kms:[a-z0-9-]+:[0-9]{12}:key/", k))])
    error_message = "secret_kms_key_arns entries must be KMS key ARNs."
  }
}

variable "health_check" {
  description = "Container health check. By default `curl` probes http://127.0.0.1:<port><path>; set command for images without curl (for example the native micro image). Null: no health check (one-shot tasks)."
  type = object({
    path         = optional(string, "/q/health/ready")
    command      = optional(list(string))
    interval     = optional(number, 15)
    timeout      = optional(number, 5)
    retries      = optional(number, 3)
    start_period = optional(number, 60)
  })
  default = {}

  validation {
    condition     = var.health_check == null || try(startswith(var.health_check.path, "/"), false)
    error_message = "health_check.path must start with /."
  }

  validation {
    condition     = var.health_check == null || try(var.health_check.interval >= 5 && var.health_check.interval <= 300 && var.health_check.timeout >= 2 && var.health_check.timeout <= 60 && var.health_check.timeout < var.health_check.interval && var.health_check.retries >= 1 && var.health_check.retries <= 10 && var.health_check.start_period >= 0 && var.health_check.start_period <= 300, false)
    error_message = "health_check: interval 5-300 s, timeout 2-60 s and below interval, retries 1-10, start_period 0-300 s."
  }
}

variable "readonly_root_filesystem" {
  description = "Read-only root file system; a writable /tmp is mounted from task storage (Quarkus and the JVM write there)."
  type        = bool
  default     = true
}

variable "stop_timeout" {
  description = "Seconds between SIGTERM and SIGKILL (graceful shutdown of in-flight requests)."
  type        = number
  default     = 30

  validation {
    condition     = var.stop_timeout >= 2 && var.stop_timeout <= 120
    error_message = "stop_timeout must be between 2 and 120 seconds."
  }
}

variable "efs_volume" {
  description = "EFS volume for media-service in EFS mode: file system and access point (efs-media outputs) mounted at container_path with TLS and IAM authorization. The task role must allow elasticfilesystem:ClientMount/ClientWrite through this access point (service-iam media policy)."
  type = object({
    file_system_id  = string
    access_point_id = string
    container_path  = optional(string, "/mnt/efs/media")
    read_only       = optional(bool, false)
  })
  default = null

  validation {
    condition     = var.efs_volume == null || try(can(regex("^fs-[0-9a-f]+$", var.efs_volume.file_system_id)) && can(regex("^fsap-[0-9a-f]+$", var.efs_volume.access_point_id)) && startswith(var.efs_volume.container_path, "/"), false)
    error_message = "efs_volume needs a file system ID (fs-...), an access point ID (fsap-...) and an absolute container_path."
  }
}

################################################################################
# IAM
################################################################################

variable "task_role_policy_arns" {
  description = "Managed policies of the task role as a map with static keys, normally { data = <service-iam policy_arns[service]> }."
  type        = map(string)
  default     = {}

  validation {
    condition     = alltrue([for v in values(var.task_role_policy_arns) : can(regex("^arn:aws[a-z-]*:iam::([0-9]{12}|aws):policy/", v))])
    error_message = "task_role_policy_arns values must be IAM policy ARNs."
  }
}

variable "task_role_policy_json" {
  description = "Optional inline policy of the task role (for example a service-iam policy_documents entry when managed policies are not wanted)."
  type        = string
  default     = null
}

variable "permissions_boundary_arn" {
  description = "Permissions boundary of the task and execution roles."
  type        = string
  default     = null
}

variable "additional_assume_role_principal_arns" {
  description = "IAM principals that may assume the task and execution roles besides ECS tasks: only for tests that run the service outside ECS with exactly its roles (the emulator CI). Leave empty in real accounts."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for a in var.additional_assume_role_principal_arns : can(regex("^arn:aws[a-z-]*:iam::[0-9]{12}:(user|role)/", a))])
    error_message = "additional_assume_role_principal_arns must be IAM user or role ARNs."
  }
}

variable "enable_execute_command" {
  description = "ECS Exec (interactive shell) into the tasks: off by default; on adds the SSM messages permissions to the task role."
  type        = bool
  default     = false
}

################################################################################
# Logs
################################################################################

variable "log_retention_days" {
  description = "Retention of the container and Service Connect logs."
  type        = number
  default     = 90

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.log_retention_days)
    error_message = "log_retention_days must be a value CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653)."
  }
}

variable "log_kms_key_arn" {
  description = "KMS key encrypting the log group (its key policy must allow logs.<region>.amazonaws.com); null uses CloudWatch Logs' own encryption."
  type        = string
  default     = null

  validation {
    condition     = var.log_kms_key_arn == null || can(regex("^arn:aws[a-z-]*:kms:", var.log_kms_key_arn))
    error_message = "log_kms_key_arn must be a KMS key ARN."
  }
}

################################################################################
# Service
################################################################################

variable "create_service" {
  description = "Create the ECS service. False keeps only the task definition, roles and logs: a one-shot task started with `aws ecs run-task` (for example a database migration)."
  type        = bool
  default     = true

  validation {
    condition     = var.create_service || (var.load_balancer == null && var.autoscaling == null && var.service_connect == null && length(var.ingress_from_security_group_ids) == 0)
    error_message = "A one-shot task (create_service = false) takes no load_balancer, autoscaling, service_connect or ingress_from_security_group_ids."
  }
}

variable "desired_count" {
  description = "Tasks at creation; afterwards auto scaling owns the count (changes to this value are ignored)."
  type        = number
  default     = 2

  validation {
    condition     = var.desired_count >= 0 && var.desired_count <= 100
    error_message = "desired_count must be between 0 and 100."
  }
}

variable "capacity_provider_strategy" {
  description = "Capacity providers (FARGATE, FARGATE_SPOT) with weight/base; empty launches on FARGATE."
  type = list(object({
    capacity_provider = string
    weight            = optional(number, 1)
    base              = optional(number, 0)
  }))
  default = []

  validation {
    condition     = alltrue([for s in var.capacity_provider_strategy : contains(["FARGATE", "FARGATE_SPOT"], s.capacity_provider)])
    error_message = "capacity_provider must be FARGATE or FARGATE_SPOT."
  }
}

variable "platform_version" {
  description = "Fargate platform version (1.4.0 or later is needed for EFS)."
  type        = string
  default     = "LATEST"
}

variable "deployment_minimum_healthy_percent" {
  description = "Lower bound of running tasks during a deployment."
  type        = number
  default     = 100

  validation {
    condition     = var.deployment_minimum_healthy_percent >= 0 && var.deployment_minimum_healthy_percent <= 100
    error_message = "deployment_minimum_healthy_percent must be between 0 and 100."
  }
}

variable "deployment_maximum_percent" {
  description = "Upper bound of running tasks during a deployment."
  type        = number
  default     = 200

  validation {
    condition     = var.deployment_maximum_percent >= 100 && var.deployment_maximum_percent <= 400
    error_message = "deployment_maximum_percent must be between 100 and 400."
  }
}

variable "wait_for_steady_state" {
  description = "Make terraform apply wait until the service is stable (fails the apply when the circuit breaker rolls back)."
  type        = bool
  default     = false
}

variable "service_connect" {
  description = "ECS Service Connect: the namespace (ecs-cluster output) and how other services reach this one (http://<dns_name>:<port>). Null disables Service Connect."
  type = object({
    namespace_arn = string
    dns_name      = optional(string)
    port          = optional(number)
  })
  default = null

  validation {
    condition     = var.service_connect == null || try(var.service_connect.dns_name == null || can(regex("^[a-z][a-z0-9.-]{0,62}$", var.service_connect.dns_name)), false)
    error_message = "service_connect.dns_name must be a lowercase DNS name."
  }
}

variable "load_balancer" {
  description = "Attachment to the public ALB: a target group (IP targets, health check on health_check_path) and listener rules forwarding only path_patterns (public API paths; /internal/* and /q/* are rejected). Null keeps the service private."
  type = object({
    vpc_id                   = string
    listener_arn             = string
    alb_arn_suffix           = string
    alb_security_group_id    = string
    path_patterns            = list(string)
    priority                 = number
    host_headers             = optional(list(string), [])
    health_check_path        = optional(string, "/q/health/ready")
    deregistration_delay     = optional(number, 30)
    target_group_name_prefix = optional(string)
  })
  default = null

  validation {
    condition     = var.load_balancer == null || try(length(var.load_balancer.path_patterns) > 0 && alltrue([for p in var.load_balancer.path_patterns : startswith(p, "/") && !can(regex("^/(internal|q)(/|\\*|$)", p)) && p != "/*"]), false)
    error_message = "load_balancer.path_patterns must be a non-empty list of public paths: no catch-all /*, nothing under /internal or /q."
  }

  validation {
    condition     = var.load_balancer == null || try(var.load_balancer.priority >= 1 && var.load_balancer.priority + ceil(length(var.load_balancer.path_patterns) / 4) <= 50000, false)
    error_message = "load_balancer.priority must be between 1 and 50000 (one rule per 4 path patterns)."
  }

  validation {
    condition     = var.load_balancer == null || try(length(var.load_balancer.host_headers) <= 1, false)
    error_message = "load_balancer.host_headers takes at most one host (rules are limited to 5 condition values)."
  }

  validation {
    condition     = var.load_balancer == null || try(var.load_balancer.target_group_name_prefix == null || can(regex("^[a-zA-Z0-9][a-zA-Z0-9-]{0,22}$", var.load_balancer.target_group_name_prefix)), false)
    error_message = "load_balancer.target_group_name_prefix must be up to 23 letters, digits and hyphens (a hash of the target group's settings is appended)."
  }
}

variable "autoscaling" {
  description = "Application Auto Scaling of the task count: target tracking on average CPU and (with a load balancer) on ALB requests per target; null disables it."
  type = object({
    min_capacity        = optional(number, 2)
    max_capacity        = optional(number, 6)
    cpu_target          = optional(number, 60)
    memory_target       = optional(number)
    requests_per_target = optional(number, 500)
    scale_in_cooldown   = optional(number, 300)
    scale_out_cooldown  = optional(number, 60)
  })
  default = {}

  validation {
    condition     = var.autoscaling == null || try(var.autoscaling.min_capacity >= 1 && var.autoscaling.max_capacity >= var.autoscaling.min_capacity && var.autoscaling.max_capacity <= 100, false)
    error_message = "autoscaling needs 1 <= min_capacity <= max_capacity <= 100."
  }

  validation {
    condition     = var.autoscaling == null || try(var.autoscaling.cpu_target > 0 && var.autoscaling.cpu_target <= 100 && coalesce(var.autoscaling.memory_target, 50) > 0 && coalesce(var.autoscaling.memory_target, 50) <= 100 && coalesce(var.autoscaling.requests_per_target, 1) > 0, false)
    error_message = "autoscaling targets must be percentages in (0, 100] and requests_per_target positive."
  }
}

variable "tags" {
  description = "Tags added to every resource (and propagated to the tasks)."
  type        = map(string)
  default     = {}
}
