# prod: three AZs, Multi-AZ everywhere, deletion protection, longer backups.
module "data_tier" {
  source = "../../modules/commerce-data-tier"

  name                            = var.name
  kms_key_deletion_window_in_days = 30
  alarm_actions                   = var.alarm_actions

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
