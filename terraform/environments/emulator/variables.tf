variable "endpoint" {
  description = "URL of the local AWS emulator (for example http://127.0.0.1:4599). Loopback only."
  type        = string

  validation {
    condition     = can(regex("^http://(127\\.[0-9]+\\.[0-9]+\\.[0-9]+|localhost):[0-9]+$", var.endpoint))
    error_message = "endpoint must be a loopback http URL such as http://127.0.0.1:4599."
  }
}

variable "region" {
  description = "Region reported to the emulator."
  type        = string
  default     = "us-east-1"
}

variable "name" {
  description = "Name prefix of the stack."
  type        = string
  default     = "commerce-emu"
}

variable "create_elasticache" {
  description = "The emulator cannot create replication groups (and hangs deleting cache subnet groups), so ElastiCache is off here and covered by plan tests."
  type        = bool
  default     = false
}
