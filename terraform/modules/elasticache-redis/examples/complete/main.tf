# Redis with cluster mode off: a primary and two replicas across AZs, TLS + AUTH
# token in Secrets Manager, open on 6379 only to the session-service group.
provider "aws" {
  region = "eu-west-1"
}

module "network" {
  source = "../../../network"

  name                  = "example"
  azs                   = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
  private_subnet_cidrs  = ["10.40.0.0/20", "10.40.16.0/20", "10.40.32.0/20"]
  database_subnet_cidrs = ["10.40.48.0/24", "10.40.49.0/24", "10.40.50.0/24"]
}

module "service_security_groups" {
  source = "../../../service-security-groups"

  name                     = "example"
  vpc_id                   = module.network.vpc_id
  vpc_cidr_block           = module.network.vpc_cidr_block
  https_egress_cidr_blocks = []
}

module "redis" {
  source = "../.."

  name                       = "example-sessions"
  vpc_id                     = module.network.vpc_id
  subnet_ids                 = module.network.database_subnet_ids
  allowed_security_group_ids = { "session-service" = module.service_security_groups.security_group_ids["session-service"] }

  node_type               = "cache.t4g.small"
  replicas_per_node_group = 2
  multi_az_enabled        = true
}

output "url" {
  description = "REDIS_URL."
  value       = module.redis.url
}

output "auth_token_secret_arn" {
  description = "Secret holding REDIS_AUTH_TOKEN."
  value       = module.redis.auth_token_secret_arn
}
