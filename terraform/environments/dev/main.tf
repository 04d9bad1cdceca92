# dev: the same composition as prod, small and cheap. Protections that would
# block tearing the environment down are off; encryption, TLS, private subnets,
# least-privilege IAM and point-in-time recovery stay on.
module "data_tier" {
  source = "../../modules/commerce-data-tier"

  name                            = var.name
  kms_key_deletion_window_in_days = 7
  alarm_actions                   = var.alarm_actions

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
