output "policy_arns" {
  description = "Map of service name (catalog-service, order-service, session-service, media-service) to its policy ARN: attach to the ECS task role or to the role of the Kubernetes service account of the same name."
  value       = { for k, p in aws_iam_policy.service : k => p.arn }
}

output "policy_names" {
  description = "Map of service name to its policy name."
  value       = { for k, p in aws_iam_policy.service : k => p.name }
}

output "policy_documents" {
  description = "Map of service name to its policy JSON, for inline role policies or permission boundaries."
  value       = local.policy_documents
}

output "services" {
  description = "Map of service name to { policy_arn, policy_name, policy_json }, one entry per service with a policy."
  value = {
    for k, p in aws_iam_policy.service : k => {
      policy_arn  = p.arn
      policy_name = p.name
      policy_json = local.policy_documents[k]
    }
  }
}

output "ecs_task_assume_role_policy" {
  description = "Trust policy for an ECS task role in this account (scoped by aws:SourceAccount), for the deployment module to reuse."
  value = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Effect    = "Allow"
      Principal = { Service = "ecs-tasks.amazonaws.com" }
      Action    = "sts:AssumeRole"
      Condition = { StringEquals = { "aws:SourceAccount" = local.account } }
    }]
  })
}
