# prod: three AZs, Multi-AZ everywhere, deletion protection, longer backups.
module "data_tier" {
  source = "../../modules/commerce-data-tier"

  name                            = var.name
  kms_key_deletion_window_in_days = 30
  alarm_actions                   = var.alarm_actions
  alarm_email_addresses           = var.alarm_email_addresses

  vpc_cidr            = "10.40.0.0/16"
  az_count            = 3
  enable_nat_gateway  = true
  single_nat_gateway  = false # one NAT gateway per AZ: an AZ outage does not cut egress
  enable_flow_logs    = true
  interface_endpoints = ["secretsmanager", "kms", "sts", "logs"]

  dynamodb_deletion_protection = true

  aurora = {
    instance_mode  = "provisioned"
    instance_class = "db.r7g.large"
    reader_count   = 2 # one reader in each other AZ: failover targets and read scaling
    reader_autoscaling = {
      enabled     = true
      min_readers = 2
      max_readers = 5
    }
  }
  aurora_backup_retention_days        = 35
  aurora_deletion_protection          = true
  aurora_performance_insights_enabled = true
  aurora_monitoring_interval          = 30
  aurora_create_proxy                 = true # pooled connections; order-service connects with IAM tokens

  redis = {
    node_type                = "cache.r7g.large"
    cluster_mode_enabled     = false
    replicas_per_node_group  = 2
    multi_az_enabled         = true
    snapshot_retention_limit = 14
  }

  media_store                = var.media_store
  media_force_destroy        = false
  media_cors_allowed_origins = var.media_cors_allowed_origins
  efs_backup_enabled         = true
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
  deletion_protection             = true
  kms_key_deletion_window_in_days = 30
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

  kms_key_deletion_window_in_days = 30
  sizing = {
    cpu                     = 1024
    memory                  = 2048
    min_tasks               = 2
    max_tasks               = 10
    log_retention_days      = 365
    container_insights      = "enhanced"
    alb_deletion_protection = true
  }

  tags = { Component = "services" }
}
