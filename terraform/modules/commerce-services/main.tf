# The four services of one environment, composed from the data tier and the
# identity: image repositories, the ECS cluster (with the public load balancer
# when a certificate is given), one Fargate service per service with its task
# and execution roles, the one-shot migration task of order-service, and the
# IAM roles for Kubernetes service accounts when the services run on EKS.
# What each service receives is checked against the shared contract
# terraform/contracts/services.json (also read by the services' tests).

data "aws_region" "current" {}

locals {
  contract = jsondecode(file("${path.module}/../../contracts/services.json"))
  names    = sort(keys(local.contract.services))
  port     = local.contract.container_port
  url      = { for s in local.names : s => "http://${s}:${local.port}" }

  images = { for s in local.names : s => "${module.ecr.repository_urls[s]}:${lookup(var.image_tags, s, var.image_tag)}" }

  efs_root = "/mnt/efs/media"

  # Every service verifies people's and services' tokens the same way.
  common_env = merge(var.identity.receiver_env, { OTEL_TRACES_EXPORTER = "none" })

  # Plain environment per service: identity, data tier, peers.
  environment = {
    "catalog-service" = merge(local.common_env, var.data_tier.service_env["catalog-service"], var.identity.client_env["catalog-service"], {
      MEDIA_URL   = local.url["media-service"]
      SESSION_URL = local.url["session-service"]
    })
    "order-service" = merge(local.common_env, var.data_tier.service_env["order-service"], var.identity.client_env["order-service"], {
      CATALOG_URL = local.url["catalog-service"]
      SESSION_URL = local.url["session-service"]
    })
    "session-service" = merge(local.common_env, var.data_tier.service_env["session-service"], var.identity.client_env["session-service"], {
      CATALOG_URL = local.url["catalog-service"]
    })
    "media-service" = merge(local.common_env, var.data_tier.service_env["media-service"], var.data_tier.media_efs == null ? {} : {
      MEDIA_EFS_ROOT = local.efs_root
    })
  }

  # Secrets per service (variable => Secrets Manager ARN) and the keys that encrypt them.
  secrets = {
    for s in local.names : s => merge(
      { CURSOR_SIGNING_KEY = aws_secretsmanager_secret.cursor_signing_key.arn },
      lookup(var.identity.client_secrets, s, {}),
      var.data_tier.service_secrets[s],
    )
  }
  secret_kms_keys = {
    for s in local.names : s => distinct(concat(
      [aws_kms_key.secrets.arn],
      contains(keys(var.identity.client_secrets), s) ? [var.identity.kms_key_arn] : [],
      var.data_tier.service_secret_kms_key_arns[s],
    ))
  }

  # The names each task definition carries (ECS adds PORT) against the contract.
  given_names = { for s in local.names : s => sort(concat(keys(local.environment[s]), keys(local.secrets[s]), ["PORT"])) }
  contract_names = { for s in local.names : s => {
    all      = sort(keys(local.contract.services[s].variables))
    always   = sort([for k, v in local.contract.services[s].variables : k if !contains(keys(v), "when")])
    secrets  = sort([for k, v in local.contract.services[s].variables : k if contains(keys(v), "secret")])
    accounts = local.contract.services[s].kubernetes_service_account
  } }
  contract_drift = {
    for s in local.names : s => {
      not_in_contract  = setsubtract(local.given_names[s], local.contract_names[s].all)
      missing          = setsubtract(local.contract_names[s].always, local.given_names[s])
      plain_not_secret = setintersection(keys(local.environment[s]), local.contract_names[s].secrets)
    }
  }

  callers = {
    "catalog-service" = ["order-service", "session-service"]
    "order-service"   = []
    "session-service" = ["order-service", "catalog-service"]
    "media-service"   = ["catalog-service"]
  }
  public_paths = {
    "catalog-service" = { paths = ["/products", "/products/*", "/categories", "/categories/*"], priority = 100 }
    "order-service"   = { paths = ["/orders", "/orders/*"], priority = 200 }
    "session-service" = { paths = ["/sessions", "/sessions/*", "/cart", "/cart/*", "/events", "/events/*", "/trending", "/trending/*", "/subjects/*"], priority = 300 }
    "media-service"   = { paths = ["/media", "/media/*"], priority = 400 }
  }
}

################################################################################
# Application secret shared by the services: the cursor signing key
################################################################################

resource "aws_kms_key" "secrets" {
  description             = "Application secrets of ${var.name}"
  enable_key_rotation     = true
  deletion_window_in_days = var.kms_key_deletion_window_in_days

  tags = var.tags
}

resource "aws_kms_alias" "secrets" {
  name          = "alias/${var.name}/app-secrets"
  target_key_id = aws_kms_key.secrets.key_id
}

# Generated once (the data source gives a new value on every plan; the
# version keeps the first), kept in Secrets Manager and the encrypted state.
data "aws_secretsmanager_random_password" "cursor_signing_key" {
  password_length     = 64
  exclude_punctuation = true
  include_space       = false
}

resource "aws_secretsmanager_secret" "cursor_signing_key" {
  name                    = "${var.name}/cursor-signing-key"
  description             = "CURSOR_SIGNING_KEY of every service: HMAC key of pagination cursors (plain string)"
  kms_key_id              = aws_kms_key.secrets.arn
  recovery_window_in_days = var.secret_recovery_window_in_days

  tags = var.tags
}

resource "aws_secretsmanager_secret_version" "cursor_signing_key" {
  secret_id     = aws_secretsmanager_secret.cursor_signing_key.id
  secret_string = data.aws_secretsmanager_random_password.cursor_signing_key.random_password

  lifecycle {
    ignore_changes = [secret_string]
  }
}

################################################################################
# Repositories and cluster
################################################################################

module "ecr" {
  source = "../ecr-repositories"

  name_prefix  = var.name
  repositories = local.names
  force_delete = var.sizing.ecr_force_delete

  tags = var.tags
}

module "ecs_cluster" {
  source = "../ecs-cluster"

  name                = var.name
  container_insights  = var.sizing.container_insights
  fargate_spot_weight = var.sizing.fargate_spot_weight

  create_alb              = var.api_certificate_arn != null
  vpc_id                  = var.data_tier.vpc_id
  public_subnet_ids       = var.data_tier.public_subnet_ids
  certificate_arn         = var.api_certificate_arn
  ingress_cidr_blocks     = var.api_ingress_cidr_blocks
  alb_deletion_protection = var.sizing.alb_deletion_protection

  tags = var.tags
}

################################################################################
# The services (task definitions always; ECS services with deploy_ecs_services)
################################################################################

module "service" {
  source   = "../ecs-service"
  for_each = toset(local.names)

  name               = each.key
  cluster_name       = module.ecs_cluster.cluster_name
  cluster_arn        = module.ecs_cluster.cluster_arn
  subnet_ids         = var.data_tier.private_subnet_ids
  security_group_id  = var.data_tier.service_security_group_ids[each.key]
  image              = local.images[each.key]
  ecr_repository_arn = module.ecr.repository_arns[each.key]
  container_port     = local.port
  cpu                = var.sizing.cpu
  memory             = var.sizing.memory

  environment         = local.environment[each.key]
  secrets             = local.secrets[each.key]
  secret_kms_key_arns = local.secret_kms_keys[each.key]

  task_role_policy_arns                 = contains(keys(var.data_tier.service_policy_arns), each.key) ? { data = var.data_tier.service_policy_arns[each.key] } : {}
  additional_assume_role_principal_arns = var.additional_assume_role_principal_arns

  efs_volume = each.key == "media-service" && var.data_tier.media_efs != null ? {
    file_system_id  = var.data_tier.media_efs.file_system_id
    access_point_id = var.data_tier.media_efs.access_point_id
    container_path  = local.efs_root
  } : null

  create_service                  = var.deploy_ecs_services
  service_connect                 = var.deploy_ecs_services ? { namespace_arn = module.ecs_cluster.service_connect_namespace_arn } : null
  ingress_from_security_group_ids = var.deploy_ecs_services ? { for c in local.callers[each.key] : c => var.data_tier.service_security_group_ids[c] } : {}

  load_balancer = var.deploy_ecs_services && var.api_certificate_arn != null ? {
    vpc_id                = var.data_tier.vpc_id
    listener_arn          = module.ecs_cluster.https_listener_arn
    alb_arn_suffix        = module.ecs_cluster.alb_arn_suffix
    alb_security_group_id = module.ecs_cluster.alb_security_group_id
    path_patterns         = local.public_paths[each.key].paths
    priority              = local.public_paths[each.key].priority
  } : null

  desired_count              = var.sizing.min_tasks
  capacity_provider_strategy = var.sizing.capacity_provider_strategy
  autoscaling = var.deploy_ecs_services ? {
    min_capacity = var.sizing.min_tasks
    max_capacity = var.sizing.max_tasks
  } : null
  log_retention_days    = var.sizing.log_retention_days
  wait_for_steady_state = false

  tags = var.tags
}

################################################################################
# order-service's one-shot migration task: Flyway as the owner (master user),
# then order_app's password from its secret; run before each release with
# `aws ecs run-task` (see the order_db_migration_task output).
################################################################################

module "order_db_migration" {
  source = "../ecs-service"

  name               = "order-db-migration"
  cluster_name       = module.ecs_cluster.cluster_name
  cluster_arn        = module.ecs_cluster.cluster_arn
  subnet_ids         = var.data_tier.private_subnet_ids
  security_group_id  = var.data_tier.service_security_group_ids["order-service"]
  image              = local.images["order-service"]
  ecr_repository_arn = module.ecr.repository_arns["order-service"]
  container_port     = local.port
  cpu                = 512
  memory             = 1024

  # The service's own environment (its prod profile starts the same way) plus the migration's.
  environment = merge(local.environment["order-service"], {
    ORDER_DB_MIGRATE_AND_EXIT = "true"
    ORDER_DB_MIGRATION_URL    = var.data_tier.order_db_migration.url
    ORDER_DB_APP_USERNAME     = var.data_tier.order_db_migration.app_username
  })
  secrets = {
    ORDER_DB_OWNER_USERNAME = "${var.data_tier.order_db_migration.owner_secret_arn}:username::"
    ORDER_DB_OWNER_PASSWORD = "${var.data_tier.order_db_migration.owner_secret_arn}:password::"
    ORDER_DB_APP_PASSWORD   = "${var.data_tier.order_db_migration.app_secret_arn}:password::"
  }
  secret_kms_key_arns = [var.data_tier.order_db_migration.kms_key_arn]

  additional_assume_role_principal_arns = var.additional_assume_role_principal_arns

  create_service  = false
  health_check    = null
  autoscaling     = null
  service_connect = null

  log_retention_days = var.sizing.log_retention_days

  tags = var.tags
}

################################################################################
# EKS: one IRSA role per service, with the same data policy as the task role
# and read access to the service's own secrets (for the Secrets Store CSI
# driver or External Secrets filling its Kubernetes Secrets).
################################################################################

module "irsa" {
  source = "../eks-irsa"
  count  = var.eks == null ? 0 : 1

  name_prefix       = var.name
  oidc_provider_arn = var.eks.oidc_provider_arn
  oidc_provider_url = var.eks.oidc_provider_url

  service_accounts = {
    for s in local.names : s => {
      namespace       = var.eks.namespace
      service_account = local.contract.services[s].kubernetes_service_account
      policy_arns     = contains(keys(var.data_tier.service_policy_arns), s) ? { data = var.data_tier.service_policy_arns[s] } : {}
      inline_policy_json = jsonencode({
        Version = "2012-10-17"
        Statement = [
          {
            Sid      = "OwnSecrets"
            Effect   = "Allow"
            Action   = ["secretsmanager:GetSecretValue", "secretsmanager:DescribeSecret"]
            Resource = sort(values(local.secrets[s]))
          },
          {
            Sid       = "OwnSecretKeys"
            Effect    = "Allow"
            Action    = ["kms:Decrypt"]
            Resource  = local.secret_kms_keys[s]
            Condition = { StringEquals = { "kms:ViaService" = "secretsmanager.${data.aws_region.current.name}.amazonaws.com" } }
          },
        ]
      })
    }
  }

  tags = var.tags
}
