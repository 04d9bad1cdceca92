# Identity of people and services: an Amazon Cognito user pool with the
# people's groups, a resource server whose scopes name the internal
# capabilities, and one app client per calling service that may obtain access
# tokens for its own scopes only (OAuth2 client credentials). Each client
# secret is kept in Secrets Manager, encrypted with a key of this module, for
# the ECS task (or the Kubernetes Secret) of that service.

data "aws_region" "current" {}

locals {
  region = data.aws_region.current.name

  cognito_issuer = "https://${aws_cognito_user_pool.this.endpoint}"
  issuer         = try(var.endpoints_override.issuer, local.cognito_issuer)
  jwks_url       = try(var.endpoints_override.jwks_url, "${local.cognito_issuer}/.well-known/jwks.json")
  token_url      = try(var.endpoints_override.token_url, "https://${aws_cognito_user_pool_domain.this.domain}.auth.${local.region}.amazoncognito.com/oauth2/token")

  client_scopes = { for service, scopes in var.clients : service => [for s in scopes : "${var.resource_server_identifier}/${s}"] }
}

################################################################################
# User pool, groups, domain
################################################################################

resource "aws_cognito_user_pool" "this" {
  name                = var.name
  deletion_protection = var.deletion_protection ? "ACTIVE" : "INACTIVE"

  username_attributes      = ["email"]
  auto_verified_attributes = ["email"]
  mfa_configuration        = "OPTIONAL"

  software_token_mfa_configuration {
    enabled = true
  }

  password_policy {
    minimum_length                   = var.password_minimum_length
    require_lowercase                = true
    require_uppercase                = true
    require_numbers                  = true
    require_symbols                  = true
    temporary_password_validity_days = 3
  }

  admin_create_user_config {
    allow_admin_create_user_only = !var.allow_self_sign_up
  }

  account_recovery_setting {
    recovery_mechanism {
      name     = "verified_email"
      priority = 1
    }
  }

  tags = var.tags
}

resource "aws_cognito_user_group" "this" {
  for_each = toset(var.user_groups)

  name         = each.key
  user_pool_id = aws_cognito_user_pool.this.id
  description  = "People in the ${each.key} role (cognito:groups claim)"
}

resource "aws_cognito_user_pool_domain" "this" {
  domain       = var.domain_prefix
  user_pool_id = aws_cognito_user_pool.this.id
}

################################################################################
# Resource server and one client-credentials app client per calling service
################################################################################

resource "aws_cognito_resource_server" "this" {
  identifier   = var.resource_server_identifier
  name         = var.resource_server_identifier
  user_pool_id = aws_cognito_user_pool.this.id

  dynamic "scope" {
    for_each = var.scopes
    content {
      scope_name        = scope.key
      scope_description = scope.value
    }
  }
}

resource "aws_cognito_user_pool_client" "service" {
  for_each = var.clients

  name         = each.key
  user_pool_id = aws_cognito_user_pool.this.id

  generate_secret                      = true
  allowed_oauth_flows_user_pool_client = true
  allowed_oauth_flows                  = ["client_credentials"]
  allowed_oauth_scopes                 = local.client_scopes[each.key]
  explicit_auth_flows                  = ["ALLOW_REFRESH_TOKEN_AUTH"] # no password or SRP sign-in for a machine client
  supported_identity_providers         = ["COGNITO"]
  prevent_user_existence_errors        = "ENABLED"
  enable_token_revocation              = true

  access_token_validity = var.access_token_validity_minutes
  token_validity_units {
    access_token = "minutes"
  }

  # The scopes must exist before a client may be allowed them.
  depends_on = [aws_cognito_resource_server.this]
}

################################################################################
# Client secrets in Secrets Manager (plain string: the secret itself)
################################################################################

resource "aws_kms_key" "this" {
  description             = "Client secrets of the app clients of ${var.name}"
  enable_key_rotation     = true
  deletion_window_in_days = var.kms_key_deletion_window_in_days

  tags = var.tags
}

resource "aws_kms_alias" "this" {
  name          = "alias/${var.name}/client-secrets"
  target_key_id = aws_kms_key.this.key_id
}

resource "aws_secretsmanager_secret" "client" {
  for_each = var.clients

  name                    = "${var.name}/oauth-clients/${each.key}"
  description             = "OIDC_CLIENT_SECRET of ${each.key}: secret of its Cognito app client (plain string)"
  kms_key_id              = aws_kms_key.this.arn
  recovery_window_in_days = var.secret_recovery_window_in_days

  tags = merge(var.tags, { Service = each.key })
}

# Cognito generates the secret; it is in the state through the app client
# already (keep the state encrypted), and is copied here for the tasks.
resource "aws_secretsmanager_secret_version" "client" {
  for_each = var.clients

  secret_id     = aws_secretsmanager_secret.client[each.key].id
  secret_string = aws_cognito_user_pool_client.service[each.key].client_secret
}
