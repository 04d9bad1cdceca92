output "user_pool_id" {
  description = "ID of the user pool."
  value       = aws_cognito_user_pool.this.id
}

output "user_pool_arn" {
  description = "ARN of the user pool."
  value       = aws_cognito_user_pool.this.arn
}

output "issuer" {
  description = "JWT_ISSUER: https://cognito-idp.<region>.amazonaws.com/<pool id> (or the override)."
  value       = local.issuer
}

output "jwks_url" {
  description = "JWT_PUBLIC_KEY_LOCATION: <issuer>/.well-known/jwks.json (or the override)."
  value       = local.jwks_url
}

output "token_url" {
  description = "OIDC_TOKEN_URL: https://<domain>.auth.<region>.amazoncognito.com/oauth2/token (or the override)."
  value       = local.token_url
}

output "client_ids" {
  description = "Map of calling service to the ID of its app client (OIDC_CLIENT_ID)."
  value       = { for k, c in aws_cognito_user_pool_client.service : k => c.id }
}

output "client_scopes" {
  description = "Map of calling service to the full scope names its client may obtain."
  value       = { for k, c in aws_cognito_user_pool_client.service : k => sort(tolist(c.allowed_oauth_scopes)) }
}

output "client_secret_arns" {
  description = "Map of calling service to the Secrets Manager secret holding its client secret (OIDC_CLIENT_SECRET)."
  value       = { for k, s in aws_secretsmanager_secret.client : k => s.arn }
}

output "kms_key_arn" {
  description = "KMS key encrypting the client secrets (readers need kms:Decrypt through Secrets Manager)."
  value       = aws_kms_key.this.arn
}

output "for_services" {
  description = "What the deployment (commerce-services) hands the services: receiver environment of every service, client environment and client secret of each calling service, and the secrets' KMS key."
  value = {
    receiver_env = {
      JWT_ISSUER              = local.issuer
      JWT_PUBLIC_KEY_LOCATION = local.jwks_url
      JWT_GROUPS_CLAIM        = var.groups_claim
    }
    client_env = {
      for k, c in aws_cognito_user_pool_client.service : k => {
        OIDC_TOKEN_URL = local.token_url
        OIDC_CLIENT_ID = c.id
      }
    }
    client_secrets = { for k, s in aws_secretsmanager_secret.client : k => { OIDC_CLIENT_SECRET = s.arn } }
    kms_key_arn    = aws_kms_key.this.arn
  }
}
