# Serverless v2 Aurora PostgreSQL with one reader, an RDS Proxy (TLS + IAM) and
# reader auto scaling, open on 5432 only to the order-service security group.
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

module "aurora" {
  source = "../.."

  name                       = "example-orders"
  vpc_id                     = module.network.vpc_id
  subnet_ids                 = module.network.database_subnet_ids
  availability_zones         = module.network.azs
  allowed_security_group_ids = { "order-service" = module.service_security_groups.security_group_ids["order-service"] }

  instance_mode           = "serverless"
  serverless_min_capacity = 0.5
  serverless_max_capacity = 8
  reader_count            = 1
  reader_autoscaling      = { enabled = true, max_readers = 3 }
  create_proxy            = true

  backup_retention_period = 14
  deletion_protection     = true
}

output "connect_url" {
  description = "ORDER_DB_URL."
  value       = module.aurora.connect_url
}

output "master_user_secret_arn" {
  description = "ORDER_DB_SECRET_ARN."
  value       = module.aurora.master_user_secret_arn
}
