# dev: the same composition as prod, small and cheap. Protections that would
# block tearing the environment down are off; encryption, TLS, private subnets,
# least-privilege IAM and point-in-time recovery stay on.
module "data_tier" {
  source = "../../modules/commerce-data-tier"

  name                            = var.name
  kms_key_deletion_window_in_days = 7
  alarm_actions                   = var.alarm_actions
  alarm_email_addresses           = var.alarm_email_addresses

  vpc_cidr           = "10.41.0.0/16"
  az_count           = 3
  enable_nat_gateway = true
  single_nat_gateway = true # one NAT gateway (~$32/month) instead of three

  dynamodb_deletion_protection = false

  aurora = {
    instance_mode           = "serverless"
    serverless_min_capacity = 0 # pauses when idle
    serverless_max_capacity = 2
    reader_count            = 0
  }
  aurora_backup_retention_days        = 1
  aurora_deletion_protection          = false
  aurora_performance_insights_enabled = true # 7 days are free
  aurora_monitoring_interval          = 0

  redis = {
    node_type                = "cache.t4g.micro"
    replicas_per_node_group  = 0
    multi_az_enabled         = false
    snapshot_retention_limit = 1
  }

  media_store                = var.media_store
  media_force_destroy        = true
  media_cors_allowed_origins = var.media_cors_allowed_origins
  efs_backup_enabled         = false
}

locals {
  identity = jsondecode(file("${path.module}/../../contracts/services.json")).identity
}

module "identity" {
  source = "../../modules/identity"

  name                            = var.name
  domain_prefix                   = coalesce(var.auth_domain_prefix, "${var.name}-auth")
  resource_server_identifier      = local.identity.resource_server
  scopes                          = local.identity.scopes
  clients                         = local.identity.clients
  user_groups                     = local.identity.user_groups
  groups_claim                    = local.identity.groups_claim
  deletion_protection             = false
  kms_key_deletion_window_in_days = 7
}

module "services" {
  source = "../../modules/commerce-services"

  name                    = var.name
  data_tier               = module.data_tier.for_services
  identity                = module.identity.for_services
  image_tag               = var.image_tag
  image_tags              = var.image_tags
  deploy_ecs_services     = var.deploy_ecs_services
  api_certificate_arn     = var.api_certificate_arn
  api_ingress_cidr_blocks = var.api_ingress_cidr_blocks
  eks                     = var.eks

  kms_key_deletion_window_in_days = 7
  sizing = {
    cpu                        = 512
    memory                     = 1024
    min_tasks                  = 1
    max_tasks                  = 2
    log_retention_days         = 30
    container_insights         = "enabled"
    fargate_spot_weight        = 1
    capacity_provider_strategy = [{ capacity_provider = "FARGATE_SPOT", weight = 1 }]
    alb_deletion_protection    = false
    ecr_force_delete           = true
  }

  tags = { Component = "services" }
}
