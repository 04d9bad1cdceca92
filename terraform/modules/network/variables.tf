variable "name" {
  description = "Name prefix for every resource of the network (for example `commerce-prod`)."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,38}[a-z0-9]$", var.name))
    error_message = "name must be 3-40 characters of lowercase letters, digits and hyphens, start with a letter and not end with a hyphen."
  }
}

variable "cidr_block" {
  description = "IPv4 CIDR block of the VPC. A /16 to /24 private range."
  type        = string
  default     = "10.40.0.0/16"

  validation {
    condition     = can(cidrhost(var.cidr_block, 0)) && tonumber(split("/", var.cidr_block)[1]) >= 16 && tonumber(split("/", var.cidr_block)[1]) <= 24
    error_message = "cidr_block must be a valid IPv4 CIDR with a prefix length between /16 and /24."
  }
}

variable "azs" {
  description = "Availability zones to spread the subnets over, one subnet of each tier per zone (three for production)."
  type        = list(string)

  validation {
    condition     = length(var.azs) >= 2 && length(var.azs) <= 6 && length(distinct(var.azs)) == length(var.azs)
    error_message = "azs must list 2 to 6 distinct availability zones."
  }
}

variable "private_subnet_cidrs" {
  description = "CIDRs of the private application subnets (where the services run), one per entry of `azs`."
  type        = list(string)

  validation {
    condition     = alltrue([for c in var.private_subnet_cidrs : can(cidrhost(c, 0))])
    error_message = "Every private_subnet_cidrs entry must be a valid IPv4 CIDR."
  }

  validation {
    condition     = length(var.private_subnet_cidrs) == length(var.azs)
    error_message = "private_subnet_cidrs must have exactly one CIDR per availability zone in azs."
  }
}

variable "database_subnet_cidrs" {
  description = "CIDRs of the isolated data subnets (Aurora, ElastiCache, EFS mount targets), one per entry of `azs`. They get no route to the internet."
  type        = list(string)

  validation {
    condition     = alltrue([for c in var.database_subnet_cidrs : can(cidrhost(c, 0))])
    error_message = "Every database_subnet_cidrs entry must be a valid IPv4 CIDR."
  }

  validation {
    condition     = length(var.database_subnet_cidrs) == length(var.azs)
    error_message = "database_subnet_cidrs must have exactly one CIDR per availability zone in azs."
  }
}

variable "public_subnet_cidrs" {
  description = "CIDRs of public subnets, one per entry of `azs`. Leave empty unless a load balancer or NAT gateway needs them."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for c in var.public_subnet_cidrs : can(cidrhost(c, 0))])
    error_message = "Every public_subnet_cidrs entry must be a valid IPv4 CIDR."
  }

  validation {
    condition     = length(var.public_subnet_cidrs) == 0 || length(var.public_subnet_cidrs) == length(var.azs)
    error_message = "public_subnet_cidrs must be empty or have exactly one CIDR per availability zone in azs."
  }
}

variable "enable_nat_gateway" {
  description = "Give the private application subnets outbound internet access through NAT gateways (needs public subnets)."
  type        = bool
  default     = false

  validation {
    condition     = !var.enable_nat_gateway || length(var.public_subnet_cidrs) > 0
    error_message = "enable_nat_gateway requires public_subnet_cidrs: NAT gateways live in public subnets."
  }
}

variable "single_nat_gateway" {
  description = "Use one shared NAT gateway instead of one per availability zone (cheaper, but an AZ outage cuts egress for all)."
  type        = bool
  default     = false
}

variable "enable_s3_gateway_endpoint" {
  description = "Create a gateway VPC endpoint for S3 on the private route tables (free; keeps S3 traffic off NAT)."
  type        = bool
  default     = true
}

variable "enable_dynamodb_gateway_endpoint" {
  description = "Create a gateway VPC endpoint for DynamoDB on the private route tables (free; keeps DynamoDB traffic off NAT)."
  type        = bool
  default     = true
}

variable "interface_endpoints" {
  description = "AWS services to reach through interface endpoints from the private subnets (for example `secretsmanager`, `kms`, `sts`, `logs`, `elasticfilesystem`). Each costs per AZ-hour."
  type        = set(string)
  default     = []

  validation {
    condition     = alltrue([for s in var.interface_endpoints : can(regex("^[a-z0-9.-]+$", s))])
    error_message = "interface_endpoints entries are service short names such as secretsmanager or kms."
  }
}

variable "enable_flow_logs" {
  description = "Capture VPC flow logs to CloudWatch Logs."
  type        = bool
  default     = false
}

variable "flow_logs_traffic_type" {
  description = "Traffic captured by the flow logs: ACCEPT, REJECT or ALL."
  type        = string
  default     = "REJECT"

  validation {
    condition     = contains(["ACCEPT", "REJECT", "ALL"], var.flow_logs_traffic_type)
    error_message = "flow_logs_traffic_type must be ACCEPT, REJECT or ALL."
  }
}

variable "flow_logs_retention_in_days" {
  description = "Retention of the flow log group in days."
  type        = number
  default     = 30

  validation {
    condition     = contains([1, 3, 5, 7, 14, 30, 60, 90, 120, 150, 180, 365, 400, 545, 731, 1096, 1827, 2192, 2557, 2922, 3288, 3653], var.flow_logs_retention_in_days)
    error_message = "flow_logs_retention_in_days must be a retention value CloudWatch Logs accepts (1, 3, 5, 7, 14, 30, 60, 90, ...)."
  }
}

variable "flow_logs_kms_key_arn" {
  description = "KMS key ARN to encrypt the flow log group with. Null uses CloudWatch Logs' own encryption."
  type        = string
  default     = null

  validation {
    condition     = var.flow_logs_kms_key_arn == null || can(regex("^arn:aws[a-z-]*:kms:", var.flow_logs_kms_key_arn))
    error_message = "flow_logs_kms_key_arn must be a KMS key ARN."
  }
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
