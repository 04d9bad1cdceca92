# One security group per service, egress inside the VPC and to the gateway endpoints only.
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
  source = "../.."

  name                         = "example"
  vpc_id                       = module.network.vpc_id
  vpc_cidr_block               = module.network.vpc_cidr_block
  https_egress_cidr_blocks     = []
  https_egress_prefix_list_ids = [module.network.s3_prefix_list_id, module.network.dynamodb_prefix_list_id]
}

output "security_group_ids" {
  description = "Security group of each service."
  value       = module.service_security_groups.security_group_ids
}
