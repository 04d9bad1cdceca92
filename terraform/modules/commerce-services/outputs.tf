output "ecr_repository_urls" {
  description = "Where to push each service's image (tag it with image_tag)."
  value       = module.ecr.repository_urls
}

output "ecs_cluster_name" {
  description = "ECS cluster of the services."
  value       = module.ecs_cluster.cluster_name
}

output "ecs_cluster_arn" {
  description = "ARN of the ECS cluster."
  value       = module.ecs_cluster.cluster_arn
}

output "api_dns_name" {
  description = "DNS name of the public load balancer: point the API's DNS record (alias) here (null without api_certificate_arn)."
  value       = module.ecs_cluster.alb_dns_name
}

output "api_zone_id" {
  description = "Hosted zone of the load balancer for a Route 53 alias record."
  value       = module.ecs_cluster.alb_zone_id
}

output "service_urls" {
  description = "Service Connect URLs the services call each other at (CATALOG_URL, SESSION_URL, MEDIA_URL)."
  value       = local.url
}

output "task_definitions" {
  description = "Per service: task definition ARN and family, task and execution role ARNs, log group (read them back to run a service with exactly its environment, secrets and role)."
  value = {
    for s, m in module.service : s => {
      arn                = m.task_definition_arn
      family             = m.task_definition_family
      task_role_arn      = m.task_role_arn
      execution_role_arn = m.execution_role_arn
      log_group          = m.log_group_name
    }
  }
}

output "container_definitions" {
  description = "Per service (and order-db-migration): the container definition JSON (environment, secret references, health check)."
  value       = merge({ for s, m in module.service : s => m.container_definition }, { "order-db-migration" = module.order_db_migration.container_definition })
}

output "execution_role_policies" {
  description = "Per service (and order-db-migration): the execution role's policy JSON (image pull, logs, exactly its secrets and their keys)."
  value       = merge({ for s, m in module.service : s => m.execution_role_policy }, { "order-db-migration" = module.order_db_migration.execution_role_policy })
}

output "order_db_migration_task" {
  description = "The one-shot migration task of order-service and how to run it (before starting a new release)."
  value = {
    task_definition_arn = module.order_db_migration.task_definition_arn
    family              = module.order_db_migration.task_definition_family
    task_role_arn       = module.order_db_migration.task_role_arn
    execution_role_arn  = module.order_db_migration.execution_role_arn
    log_group           = module.order_db_migration.log_group_name
    cluster             = module.ecs_cluster.cluster_name
    subnet_ids          = var.data_tier.private_subnet_ids
    security_group_id   = var.data_tier.service_security_group_ids["order-service"]
  }
}

output "service_environment" {
  description = "Per service, the plain environment of its task definition (PORT included): the values of a ConfigMap on EKS."
  value       = { for s in local.names : s => merge(local.environment[s], { PORT = tostring(local.port) }) }
}

output "service_secret_arns" {
  description = "Per service, the secrets of its task definition as variable => Secrets Manager ARN (never values): the sources of its Kubernetes Secrets on EKS."
  value       = local.secrets
}

output "service_environment_names" {
  description = "Per service, every variable its task definition carries (plain and secret, PORT included), checked against terraform/contracts/services.json: a plan fails on drift."
  value       = local.given_names

  precondition {
    condition     = alltrue([for s, d in local.contract_drift : length(d.not_in_contract) == 0 && length(d.missing) == 0 && length(d.plain_not_secret) == 0])
    error_message = "The task definitions drift from terraform/contracts/services.json: ${jsonencode({ for s, d in local.contract_drift : s => d if length(d.not_in_contract) + length(d.missing) + length(d.plain_not_secret) > 0 })}"
  }
}

output "cursor_signing_key_secret_arn" {
  description = "Secret holding CURSOR_SIGNING_KEY (generated once)."
  value       = aws_secretsmanager_secret.cursor_signing_key.arn
}

output "irsa_role_arns" {
  description = "IRSA role of each service (empty without eks)."
  value       = var.eks == null ? {} : module.irsa[0].role_arns
}

output "irsa_service_account_annotations" {
  description = "Annotations each Kubernetes ServiceAccount must carry (eks.amazonaws.com/role-arn); empty without eks."
  value       = var.eks == null ? {} : module.irsa[0].service_account_annotations
}
