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

  create_alarms                  = true
  secret_recovery_window_in_days = 0 # destroyed and created again on every run
}

locals {
  identity = jsondecode(file("${path.module}/../../contracts/services.json")).identity
}

# Cognito as in AWS. The emulator has no OAuth2 token endpoint: a local OAuth2
# server registered with the client IDs and secrets read back plays the
# domain, and oauth2_server (when given) is what the task definitions point at.
module "identity" {
  source = "../../modules/identity"

  name                            = var.name
  domain_prefix                   = "${var.name}-auth"
  resource_server_identifier      = local.identity.resource_server
  scopes                          = local.identity.scopes
  clients                         = local.identity.clients
  user_groups                     = local.identity.user_groups
  groups_claim                    = local.identity.groups_claim
  deletion_protection             = false
  kms_key_deletion_window_in_days = 7
  secret_recovery_window_in_days  = 0
  endpoints_override              = var.oauth2_server
}

# Task definitions, roles and secrets as in AWS, no ECS services: a test reads
# the task definitions back and runs the packaged services with exactly their
# environment and secrets, each with credentials of its own task role.
module "services" {
  source = "../../modules/commerce-services"

  name                = var.name
  data_tier           = module.data_tier.for_services
  identity            = module.identity.for_services
  image_tag           = var.image_tag
  deploy_ecs_services = false

  additional_assume_role_principal_arns = var.test_principal_arns

  kms_key_deletion_window_in_days = 7
  secret_recovery_window_in_days  = 0
  sizing = {
    cpu                = 512
    memory             = 1024
    min_tasks          = 1
    max_tasks          = 1
    log_retention_days = 1
    container_insights = "disabled"
    ecr_force_delete   = true
  }
}
