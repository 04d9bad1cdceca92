# The same composition as dev and prod, applied to a local AWS emulator in CI.
# Protections that would block `terraform destroy` are off and the stack is
# small; anything the emulator cannot do is switched off by a variable.
module "data_tier" {
  source = "../../modules/commerce-data-tier"

  name                            = var.name
  kms_key_deletion_window_in_days = 7

  vpc_cidr              = "10.90.0.0/16"
  create_public_subnets = true
  enable_nat_gateway    = true
  single_nat_gateway    = true
  enable_flow_logs      = true

  dynamodb_deletion_protection = false

  aurora = {
    instance_mode           = "serverless"
    serverless_min_capacity = 0.5
    serverless_max_capacity = 2
    reader_count            = 1
  }
  aurora_backup_retention_days        = 3
  aurora_deletion_protection          = false
  aurora_performance_insights_enabled = true
  aurora_monitoring_interval          = 0 # the emulator lacks the AWS managed AmazonRDSEnhancedMonitoringRole policy
  # The emulator never finishes creating a proxy read-only endpoint; the proxy is covered by plan tests.
  aurora_create_proxy = false
  # Setting the CA needs a ModifyDBInstance after create, which the provider
  # then waits minutes on against the emulator; the real default is the same CA.
  aurora_ca_cert_identifier = null

  create_elasticache = var.create_elasticache

  media_store                = "s3"
  media_stores               = ["s3", "efs"]
  media_force_destroy        = true
  media_cors_allowed_origins = ["http://localhost:3000"]
  # The emulator drops NewerNoncurrentVersions, so the provider would wait for
  # a lifecycle configuration that never reads back equal.
  media_lifecycle_rules = { noncurrent_newer_versions_to_keep = 0 }
  # PutBackupPolicy is not implemented by the emulator.
  efs_backup_enabled = false

  create_alarms = true
}
