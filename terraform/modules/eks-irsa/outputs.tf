output "role_arns" {
  description = "Map of service name to its IRSA role ARN."
  value       = { for k, r in aws_iam_role.this : k => r.arn }
}

output "role_names" {
  description = "Map of service name to its IRSA role name."
  value       = { for k, r in aws_iam_role.this : k => r.name }
}

output "service_account_annotations" {
  description = "Map of service name to the annotations its Kubernetes ServiceAccount must carry (eks.amazonaws.com/role-arn)."
  value       = { for k, r in aws_iam_role.this : k => { "eks.amazonaws.com/role-arn" = r.arn } }
}

output "service_accounts" {
  description = "Map of service name to { namespace, service_account, role_arn }, for generating or checking manifests."
  value = {
    for k, sa in var.service_accounts : k => {
      namespace       = sa.namespace
      service_account = sa.service_account
      role_arn        = aws_iam_role.this[k].arn
    }
  }
}

output "trust_policies" {
  description = "Map of service name to its trust policy JSON."
  value       = local.trust_policies
}
