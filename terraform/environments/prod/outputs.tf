output "services" {
  description = "Where to push the images (ecr_repository_urls), the public API (api_dns_name/api_zone_id), each service's environment and secret ARNs (for ConfigMaps/Secrets on EKS), the migration task and the IRSA annotations."
  value = {
    ecr_repository_urls              = module.services.ecr_repository_urls
    ecs_cluster_name                 = module.services.ecs_cluster_name
    api_dns_name                     = module.services.api_dns_name
    api_zone_id                      = module.services.api_zone_id
    environment                      = module.services.service_environment
    secret_arns                      = module.services.service_secret_arns
    environment_names                = module.services.service_environment_names
    task_definitions                 = module.services.task_definitions
    order_db_migration_task          = module.services.order_db_migration_task
    irsa_service_account_annotations = module.services.irsa_service_account_annotations
  }
}

output "identity" {
  description = "The Cognito user pool, the services' token endpoint and their client IDs and scopes."
  value = {
    user_pool_id  = module.identity.user_pool_id
    issuer        = module.identity.issuer
    token_url     = module.identity.token_url
    client_ids    = module.identity.client_ids
    client_scopes = module.identity.client_scopes
  }
}

output "data_tier" {
  description = "Effective protection of every store, what alarms notify, and the network."
  value = {
    store_protection = module.data_tier.store_protection
    alarm_actions    = module.data_tier.alarm_actions
    vpc_id           = module.data_tier.vpc_id
    # Security groups for pods on EKS: the data stores admit exactly these.
    service_security_group_ids = module.data_tier.service_security_group_ids
  }
}
