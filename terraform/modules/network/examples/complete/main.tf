# Three AZs of private and data subnets, public subnets for a load balancer,
# one NAT gateway, S3/DynamoDB gateway endpoints and flow logs.
provider "aws" {
  region = "eu-west-1"
}

module "network" {
  source = "../.."

  name                  = "example"
  cidr_block            = "10.40.0.0/16"
  azs                   = ["eu-west-1a", "eu-west-1b", "eu-west-1c"]
  private_subnet_cidrs  = ["10.40.0.0/20", "10.40.16.0/20", "10.40.32.0/20"]
  database_subnet_cidrs = ["10.40.48.0/24", "10.40.49.0/24", "10.40.50.0/24"]
  public_subnet_cidrs   = ["10.40.64.0/24", "10.40.65.0/24", "10.40.66.0/24"]
  enable_nat_gateway    = true
  single_nat_gateway    = true
  interface_endpoints   = ["secretsmanager", "kms"]
  enable_flow_logs      = true
}

output "private_subnet_ids" {
  description = "Private subnets."
  value       = module.network.private_subnet_ids
}
