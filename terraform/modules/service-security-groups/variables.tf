variable "name" {
  description = "Name prefix of the security groups (for example `commerce-prod`)."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,38}[a-z0-9]$", var.name))
    error_message = "name must be 3-40 characters of lowercase letters, digits and hyphens, start with a letter and not end with a hyphen."
  }
}

variable "vpc_id" {
  description = "VPC to create the security groups in."
  type        = string

  validation {
    condition     = can(regex("^vpc-", var.vpc_id))
    error_message = "vpc_id must be a VPC ID (vpc-...)."
  }
}

variable "vpc_cidr_block" {
  description = "CIDR of the VPC; services may open TCP connections to anything inside it (data stores, other services, interface endpoints)."
  type        = string

  validation {
    condition     = can(cidrhost(var.vpc_cidr_block, 0))
    error_message = "vpc_cidr_block must be a valid IPv4 CIDR."
  }
}

variable "services" {
  description = "Names of the services that get a security group each (used as map keys in the outputs)."
  type        = set(string)
  default     = ["catalog-service", "order-service", "session-service", "media-service"]

  validation {
    condition     = length(var.services) > 0 && alltrue([for s in var.services : can(regex("^[a-z][a-z0-9-]{0,30}$", s))])
    error_message = "services must be a non-empty set of lowercase names (letters, digits, hyphens; up to 31 characters)."
  }
}

variable "https_egress_cidr_blocks" {
  description = "Destinations the services may reach on 443 outside the VPC (AWS APIs through NAT, the identity provider). Empty when interface endpoints cover every AWS API used."
  type        = list(string)
  default     = ["0.0.0.0/0"]

  validation {
    condition     = alltrue([for c in var.https_egress_cidr_blocks : can(cidrhost(c, 0))])
    error_message = "Every https_egress_cidr_blocks entry must be a valid IPv4 CIDR."
  }
}

variable "https_egress_prefix_list_ids" {
  description = "Managed prefix lists (for example the S3 and DynamoDB gateway endpoints) the services may reach on 443."
  type        = list(string)
  default     = []

  validation {
    condition     = alltrue([for p in var.https_egress_prefix_list_ids : can(regex("^pl-", p))])
    error_message = "https_egress_prefix_list_ids entries must be prefix list IDs (pl-...)."
  }
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
