output "security_group_ids" {
  description = "Map of service name to its security group ID (what the data-store modules admit and the deployment module attaches)."
  value       = { for k, sg in aws_security_group.service : k => sg.id }
}

output "security_group_arns" {
  description = "Map of service name to its security group ARN."
  value       = { for k, sg in aws_security_group.service : k => sg.arn }
}
