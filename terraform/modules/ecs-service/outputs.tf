output "service_name" {
  description = "Name of the ECS service (null for a one-shot task)."
  value       = try(aws_ecs_service.this[0].name, null)
}

output "service_id" {
  description = "ARN of the ECS service (null for a one-shot task)."
  value       = try(aws_ecs_service.this[0].id, null)
}

output "task_definition_arn" {
  description = "ARN (with revision) of the task definition."
  value       = aws_ecs_task_definition.this.arn
}

output "task_definition_family" {
  description = "Family of the task definition."
  value       = aws_ecs_task_definition.this.family
}

output "container_definition" {
  description = "The container definition (JSON) of the task: environment names, secret references (ARNs only), health check."
  value       = jsonencode(local.container_definition)
}

output "task_role_arn" {
  description = "ARN of the task role (the service's AWS identity)."
  value       = aws_iam_role.task.arn
}

output "task_role_name" {
  description = "Name of the task role."
  value       = aws_iam_role.task.name
}

output "execution_role_arn" {
  description = "ARN of the execution role."
  value       = aws_iam_role.execution.arn
}

output "execution_role_policy" {
  description = "Inline policy of the execution role (JSON)."
  value       = local.execution_policy
}

output "log_group_name" {
  description = "CloudWatch log group of the container and Service Connect proxy."
  value       = aws_cloudwatch_log_group.this.name
}

output "target_group_arn" {
  description = "Target group of the service on the public load balancer (null when private)."
  value       = try(aws_lb_target_group.this[0].arn, null)
}

output "service_connect_url" {
  description = "Base URL other services use through Service Connect (for example http://catalog-service:8080); null without Service Connect."
  value       = var.service_connect == null ? null : "http://${local.service_connect_dns}:${local.service_connect_port}"
}

output "security_group_id" {
  description = "The service's own security group."
  value       = var.security_group_id
}

output "autoscaling_resource_id" {
  description = "Application Auto Scaling resource ID (null when auto scaling is off)."
  value       = local.autoscaling_enabled ? local.autoscaling_resource : null
}
