# The whole stack of one environment: the data tier (commerce-data-tier) plus
# the services on ECS Fargate (services.tf: the file of
# terraform/environments/dev, module sources relative to here). Real account:
#   terraform init && terraform apply -var deploy_ecs_services=false   # repositories, cluster, data tier
#   (push the images)  &&  terraform apply -var api_certificate_arn=arn:aws:acm:...
provider "aws" {
  region = var.region
}

variable "region" {
  description = "Region of the stack."
  type        = string
  default     = "eu-west-1"
}

variable "name" {
  description = "Name prefix of the stack."
  type        = string
  default     = "commerce-example"
}

module "data_tier" {
  source = "../../../commerce-data-tier"

  name                            = var.name
  kms_key_deletion_window_in_days = 7
  single_nat_gateway              = true
  dynamodb_deletion_protection    = false
  aurora                          = { instance_mode = "serverless", reader_count = 0 }
  aurora_deletion_protection      = false
  redis                           = { node_type = "cache.t4g.small", multi_az_enabled = false, replicas_per_node_group = 0 }
  media_force_destroy             = true
}
