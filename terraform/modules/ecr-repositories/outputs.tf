output "repository_urls" {
  description = "Map of service name to repository URL (<account>.dkr.ecr.<region>.amazonaws.com/<name>): tag and push images here, and give `<url>:<tag>` to the ecs-service module."
  value       = { for k, r in aws_ecr_repository.this : k => r.repository_url }
}

output "repository_arns" {
  description = "Map of service name to repository ARN (scope ECS execution roles and CI push roles with these)."
  value       = { for k, r in aws_ecr_repository.this : k => r.arn }
}

output "repository_names" {
  description = "Map of service name to repository name."
  value       = { for k, r in aws_ecr_repository.this : k => r.name }
}

output "registry_id" {
  description = "Registry (account) ID holding the repositories."
  value       = try(one(distinct([for r in aws_ecr_repository.this : r.registry_id])), null)
}

output "lifecycle_policy" {
  description = "The lifecycle policy JSON applied to every repository."
  value       = local.lifecycle_policy
}
