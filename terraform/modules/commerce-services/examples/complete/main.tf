# A whole small stack: the data tier, the identity and the four services on
# ECS Fargate (what terraform/environments/dev composes). Real account:
#   terraform apply -var image_tag=1.4.2 -var deploy_ecs_services=false   # repositories, task definitions, data tier
#   (push the images, run the migration task)  &&  terraform apply -var image_tag=1.4.2
provider "aws" {
  region = "eu-west-1"
}

variable "image_tag" {
  description = "Release of the images in the repositories."
  type        = string
  default     = "1.0.0"
}

variable "deploy_ecs_services" {
  description = "False on the first apply, before the images are pushed."
  type        = bool
  default     = true
}

locals {
  identity = jsondecode(file("${path.module}/../../../../contracts/services.json")).identity
}

module "data_tier" {
  source = "../../../commerce-data-tier"

  name                            = "example"
  kms_key_deletion_window_in_days = 7
  single_nat_gateway              = true
  dynamodb_deletion_protection    = false
  aurora                          = { instance_mode = "serverless", reader_count = 0 }
  aurora_deletion_protection      = false
  redis                           = { node_type = "cache.t4g.small", multi_az_enabled = false, replicas_per_node_group = 0 }
  media_force_destroy             = true
}

module "identity" {
  source = "../../../identity"

  name                       = "example"
  domain_prefix              = "example-commerce-auth"
  resource_server_identifier = local.identity.resource_server
  scopes                     = local.identity.scopes
  clients                    = local.identity.clients
  deletion_protection        = false
}

module "services" {
  source = "../.."

  name                = "example"
  data_tier           = module.data_tier.for_services
  identity            = module.identity.for_services
  image_tag           = var.image_tag
  deploy_ecs_services = var.deploy_ecs_services
  sizing              = { cpu = 512, memory = 1024, min_tasks = 1, max_tasks = 2, alb_deletion_protection = false, ecr_force_delete = true }
}

output "ecr_repository_urls" {
  description = "Where to push the images."
  value       = module.services.ecr_repository_urls
}

output "order_db_migration_task" {
  description = "Run it before the services start (aws ecs run-task)."
  value       = module.services.order_db_migration_task
}
