provider "aws" {
  region = "eu-west-1"
}

module "cluster" {
  source = "../.."

  name               = "commerce-dev"
  container_insights = "enabled"

  vpc_id            = "vpc-0123456789abcdef0"
  public_subnet_ids = ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0bbbbbbbbbbbbbbb2"]
  certificate_arn   = "arn:aws:acm:eu-west-1:111122223333:certificate/11111111-2222-3333-4444-555555555555"

  alb_deletion_protection = false

  tags = { Project = "commerce" }
}

output "alb_dns_name" {
  description = "Point the API DNS name here."
  value       = module.cluster.alb_dns_name
}
