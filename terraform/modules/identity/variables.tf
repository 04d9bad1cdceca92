variable "name" {
  description = "Name of the user pool and prefix of the client secrets (for example `commerce-prod`)."
  type        = string

  validation {
    condition     = can(regex("^[a-z][a-z0-9-]{1,62}[a-z0-9]$", var.name))
    error_message = "name must be 3-64 characters of lowercase letters, digits and hyphens."
  }
}

variable "domain_prefix" {
  description = "Prefix of the user pool's Cognito domain: the token endpoint is https://<domain_prefix>.auth.<region>.amazoncognito.com/oauth2/token. Globally unique per region."
  type        = string

  validation {
    condition     = can(regex("^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?$", var.domain_prefix)) && !strcontains(var.domain_prefix, "aws") && !strcontains(var.domain_prefix, "amazon") && !strcontains(var.domain_prefix, "cognito")
    error_message = "domain_prefix must be lowercase letters, digits and hyphens, and must not contain aws, amazon or cognito."
  }
}

variable "resource_server_identifier" {
  description = "Identifier of the resource server: the prefix of every scope (commerce/reservations)."
  type        = string
  default     = "commerce"

  validation {
    condition     = can(regex("^[a-z][a-z0-9.-]{0,255}$", var.resource_server_identifier))
    error_message = "resource_server_identifier must be lowercase letters, digits, dots and hyphens."
  }
}

variable "scopes" {
  description = "Scopes of the resource server, name => description: one per internal capability (reservations, locks, ...)."
  type        = map(string)

  validation {
    condition     = length(var.scopes) > 0 && alltrue([for s in keys(var.scopes) : can(regex("^[a-z][a-z0-9.-]*$", s))])
    error_message = "scopes must be non-empty, with names of lowercase letters, digits, dots and hyphens."
  }
}

variable "clients" {
  description = "One app client per calling service, service name => the scope names it may obtain (client credentials only). A service that calls nobody has no client."
  type        = map(list(string))

  validation {
    condition     = alltrue(flatten([for service, scopes in var.clients : [for s in scopes : contains(keys(var.scopes), s)]]))
    error_message = "Every scope of a client must be one of scopes."
  }

  validation {
    condition     = alltrue([for scopes in values(var.clients) : length(scopes) > 0])
    error_message = "Every client needs at least one scope."
  }
}

variable "user_groups" {
  description = "Groups people belong to (their tokens' cognito:groups claim)."
  type        = list(string)
  default     = ["customer", "admin"]
}

variable "groups_claim" {
  description = "Claim the services read the people's groups from (JWT_GROUPS_CLAIM)."
  type        = string
  default     = "cognito:groups"
}

variable "access_token_validity_minutes" {
  description = "Lifetime of the services' access tokens (quarkus-oidc-client refreshes them before expiry)."
  type        = number
  default     = 60

  validation {
    condition     = var.access_token_validity_minutes >= 5 && var.access_token_validity_minutes <= 1440
    error_message = "access_token_validity_minutes must be between 5 and 1440."
  }
}

variable "password_minimum_length" {
  description = "Minimum length of people's passwords."
  type        = number
  default     = 12

  validation {
    condition     = var.password_minimum_length >= 8 && var.password_minimum_length <= 99
    error_message = "password_minimum_length must be between 8 and 99."
  }
}

variable "allow_self_sign_up" {
  description = "Let people sign themselves up (as opposed to accounts created by an administrator)."
  type        = bool
  default     = true
}

variable "deletion_protection" {
  description = "Refuse to delete the user pool (its users cannot be recovered)."
  type        = bool
  default     = true
}

variable "kms_key_deletion_window_in_days" {
  description = "Waiting period before the client-secret key is deleted."
  type        = number
  default     = 30

  validation {
    condition     = var.kms_key_deletion_window_in_days >= 7 && var.kms_key_deletion_window_in_days <= 30
    error_message = "kms_key_deletion_window_in_days must be between 7 and 30."
  }
}

variable "secret_recovery_window_in_days" {
  description = "Days a deleted client secret can be restored (0 deletes at once: throwaway environments only)."
  type        = number
  default     = 30

  validation {
    condition     = var.secret_recovery_window_in_days == 0 || (var.secret_recovery_window_in_days >= 7 && var.secret_recovery_window_in_days <= 30)
    error_message = "secret_recovery_window_in_days must be 0 or between 7 and 30."
  }
}

variable "endpoints_override" {
  description = "Issuer, JWKS and token URLs to hand to the services instead of Cognito's, for an emulator without an OAuth2 token endpoint (a local OAuth2 server registered with the clients read back). Null in AWS."
  type = object({
    issuer    = string
    jwks_url  = string
    token_url = string
  })
  default = null
}

variable "tags" {
  description = "Tags added to every resource."
  type        = map(string)
  default     = {}
}
