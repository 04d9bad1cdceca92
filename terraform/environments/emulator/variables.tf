variable "endpoint" {
  description = "URL of the local AWS emulator (for example http://127.0.0.1:4599). Loopback only."
  type        = string

  validation {
    condition     = can(regex("^http://(127\\.[0-9]+\\.[0-9]+\\.[0-9]+|localhost):[0-9]+$", var.endpoint))
    error_message = "endpoint must be a loopback http URL such as http://127.0.0.1:4599."
  }
}

variable "access_key" {
  description = "Access key of the administrator user created on the emulator before the apply (the emulator enforces IAM authorization)."
  type        = string
  default     = "test"
}

variable "secret_key" {
  description = "Secret key of that user (emulator only, generated per run)."
  type        = string
  default     = "test"
  sensitive   = true
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

variable "image_tag" {
  description = "Tag in the task definitions (no image is pulled on the emulator)."
  type        = string
  default     = "emulator"
}

variable "test_principal_arns" {
  description = "Principals (the CI's user on the emulator) that may assume the task and execution roles, to run each service with exactly its role."
  type        = list(string)
  default     = []
}

variable "oauth2_server" {
  description = "Issuer, JWKS and token URLs of the local OAuth2 server that plays Cognito's domain (the emulator has no token endpoint); null keeps Cognito's URLs of the emulated pool."
  type = object({
    issuer    = string
    jwks_url  = string
    token_url = string
  })
  default = null
}
