# Encrypted EFS with a mount target per AZ and the media-service access point.
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

module "efs" {
  source = "../.."

  name                       = "example-media"
  vpc_id                     = module.network.vpc_id
  subnet_ids                 = module.network.database_subnet_ids
  allowed_security_group_ids = { "media-service" = module.service_security_groups.security_group_ids["media-service"] }
  access_point               = { uid = 185, gid = 185, root_directory = "/media", permissions = "0750" }
}

output "access_point_id" {
  description = "Access point for the media-service volume."
  value       = module.efs.access_point_id
}
