# The commerce identity: a user pool with the customer and admin groups, the
# resource server `commerce` with the scopes of the shared contract, and one
# client-credentials app client per calling service.
provider "aws" {
  region = "eu-west-1"
}

locals {
  contract = jsondecode(file("${path.module}/../../../../contracts/services.json")).identity
}

module "identity" {
  source = "../.."

  name                       = "example"
  domain_prefix              = "example-commerce-auth"
  resource_server_identifier = local.contract.resource_server
  scopes                     = local.contract.scopes
  clients                    = local.contract.clients
  user_groups                = local.contract.user_groups
  groups_claim               = local.contract.groups_claim
}

output "token_url" {
  description = "OIDC_TOKEN_URL of the calling services."
  value       = module.identity.token_url
}

output "client_ids" {
  description = "OIDC_CLIENT_ID per calling service."
  value       = module.identity.client_ids
}
