mock_provider "aws" {
  mock_data "aws_region" {
    defaults = { name = "eu-west-1" }
  }
}

override_resource {
  target          = aws_cognito_user_pool.this
  override_during = plan
  values = {
    id       = "eu-west-1_AbCdEfGhI"
    arn      = "arn:aws:cognito-idp:eu-west-1:111122223333:userpool/eu-west-1_AbCdEfGhI"
    endpoint = "cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEfGhI"
  }
}

# Every client gets its own ID and secret, so a secret or variable wired to
# another service's client would show.
override_resource {
  target          = aws_cognito_user_pool_client.service["order-service"]
  override_during = plan
  values          = { id = "order0client0id", client_secret = "order-client-secret" }
}

override_resource {
  target          = aws_cognito_user_pool_client.service["catalog-service"]
  override_during = plan
  values          = { id = "catalog0client0id", client_secret = "catalog-client-secret" }
}

override_resource {
  target          = aws_cognito_user_pool_client.service["session-service"]
  override_during = plan
  values          = { id = "session0client0id", client_secret = "session-client-secret" }
}

override_resource {
  target          = aws_secretsmanager_secret.client["order-service"]
  override_during = plan
  values          = { arn = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:commerce-test/oauth-clients/order-service-AbCdEf", id = "order-secret" }
}

override_resource {
  target          = aws_secretsmanager_secret.client["catalog-service"]
  override_during = plan
  values          = { arn = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:commerce-test/oauth-clients/catalog-service-GhIjKl", id = "catalog-secret" }
}

override_resource {
  target          = aws_secretsmanager_secret.client["session-service"]
  override_during = plan
  values          = { arn = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:commerce-test/oauth-clients/session-service-MnOpQr", id = "session-secret" }
}

override_resource {
  target          = aws_kms_key.this
  override_during = plan
  values          = { arn = "arn:aws:kms:eu-west-1:111122223333:key/bbbbbbbb-0000-0000-0000-000000000001", key_id = "bbbbbbbb-0000-0000-0000-000000000001" }
}

override_resource {
  target          = aws_cognito_user_pool_domain.this
  override_during = plan
  values          = { domain = "commerce-test-auth" }
}

variables {
  name          = "commerce-test"
  domain_prefix = "commerce-test-auth"
  scopes = {
    reservations    = "catalog reservations"
    locks           = "session locks"
    "rate-limits"   = "session rate limits"
    carts           = "session carts"
    trending        = "session trending"
    snapshots       = "session product snapshots"
    "media.read"    = "media reads"
    "products.read" = "catalog batch reads"
  }
  clients = {
    "order-service"   = ["reservations", "locks", "rate-limits", "carts", "trending"]
    "catalog-service" = ["snapshots", "media.read"]
    "session-service" = ["products.read"]
  }
}

run "one_client_credentials_client_per_calling_service" {
  command = plan

  assert {
    condition     = toset(keys(aws_cognito_user_pool_client.service)) == toset(["order-service", "catalog-service", "session-service"])
    error_message = "One app client per calling service (media-service calls nobody)."
  }

  assert {
    condition = alltrue([for c in aws_cognito_user_pool_client.service :
    c.generate_secret && c.allowed_oauth_flows_user_pool_client && toset(c.allowed_oauth_flows) == toset(["client_credentials"]) && toset(c.explicit_auth_flows) == toset(["ALLOW_REFRESH_TOKEN_AUTH"])])
    error_message = "Every service client uses client credentials only, with a generated secret, and no password sign-in."
  }

  assert {
    condition     = toset(aws_cognito_user_pool_client.service["order-service"].allowed_oauth_scopes) == toset(["commerce/reservations", "commerce/locks", "commerce/rate-limits", "commerce/carts", "commerce/trending"])
    error_message = "order-service may obtain exactly its five scopes."
  }

  assert {
    condition     = toset(aws_cognito_user_pool_client.service["catalog-service"].allowed_oauth_scopes) == toset(["commerce/snapshots", "commerce/media.read"]) && toset(aws_cognito_user_pool_client.service["session-service"].allowed_oauth_scopes) == toset(["commerce/products.read"])
    error_message = "catalog- and session-service may obtain exactly their scopes."
  }

  assert {
    condition     = aws_cognito_resource_server.this.identifier == "commerce" && toset([for s in aws_cognito_resource_server.this.scope : s.scope_name]) == toset(["reservations", "locks", "rate-limits", "carts", "trending", "snapshots", "media.read", "products.read"])
    error_message = "The resource server commerce declares every scope."
  }

  assert {
    condition     = toset(keys(aws_cognito_user_group.this)) == toset(["customer", "admin"]) && aws_cognito_user_pool.this.deletion_protection == "ACTIVE"
    error_message = "People's groups customer and admin; the pool is deletion protected."
  }
}

run "each_client_secret_is_stored_for_its_own_service" {
  command = plan

  assert {
    condition     = alltrue([for k, v in aws_secretsmanager_secret_version.client : v.secret_string == "${split("-", k)[0]}-client-secret"])
    error_message = "Each service's secret must hold its own client's secret."
  }

  assert {
    condition     = alltrue([for s in aws_secretsmanager_secret.client : s.kms_key_id == "arn:aws:kms:eu-west-1:111122223333:key/bbbbbbbb-0000-0000-0000-000000000001"]) && aws_kms_key.this.enable_key_rotation
    error_message = "Client secrets are encrypted with the module's key (rotation on)."
  }

  assert {
    condition = output.for_services.client_secrets == {
      "order-service"   = { OIDC_CLIENT_SECRET = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:commerce-test/oauth-clients/order-service-AbCdEf" }
      "catalog-service" = { OIDC_CLIENT_SECRET = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:commerce-test/oauth-clients/catalog-service-GhIjKl" }
      "session-service" = { OIDC_CLIENT_SECRET = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:commerce-test/oauth-clients/session-service-MnOpQr" }
    }
    error_message = "OIDC_CLIENT_SECRET of each service is its own client's secret."
  }

  assert {
    condition     = output.for_services.client_env["order-service"].OIDC_CLIENT_ID == "order0client0id" && output.for_services.client_env["catalog-service"].OIDC_CLIENT_ID == "catalog0client0id" && output.for_services.client_env["session-service"].OIDC_CLIENT_ID == "session0client0id"
    error_message = "OIDC_CLIENT_ID of each service is its own client's ID."
  }
}

run "cognito_urls" {
  command = plan

  assert {
    condition = output.for_services.receiver_env == {
      JWT_ISSUER              = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEfGhI"
      JWT_PUBLIC_KEY_LOCATION = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_AbCdEfGhI/.well-known/jwks.json"
      JWT_GROUPS_CLAIM        = "cognito:groups"
    }
    error_message = "Receivers verify the pool's issuer with its JWKS and read groups from cognito:groups."
  }

  assert {
    condition     = output.token_url == "https://commerce-test-auth.auth.eu-west-1.amazoncognito.com/oauth2/token" && output.for_services.client_env["order-service"].OIDC_TOKEN_URL == output.token_url
    error_message = "Callers get tokens from the pool domain's token endpoint."
  }
}

run "endpoints_override_for_an_emulator" {
  command = plan

  variables {
    endpoints_override = {
      issuer    = "http://127.0.0.1:4100/commerce"
      jwks_url  = "http://127.0.0.1:4100/commerce/jwks"
      token_url = "http://127.0.0.1:4100/commerce/token"
    }
  }

  assert {
    condition     = output.issuer == "http://127.0.0.1:4100/commerce" && output.jwks_url == "http://127.0.0.1:4100/commerce/jwks" && output.for_services.client_env["session-service"].OIDC_TOKEN_URL == "http://127.0.0.1:4100/commerce/token"
    error_message = "The override replaces issuer, JWKS and token URLs."
  }
}

run "rejects_client_with_undeclared_scope" {
  command = plan

  variables {
    clients = { "order-service" = ["reservations", "everything"] }
  }

  expect_failures = [var.clients]
}

run "rejects_reserved_domain_prefix" {
  command = plan

  variables {
    domain_prefix = "commerce-cognito"
  }

  expect_failures = [var.domain_prefix]
}
