# IAM roles for Kubernetes service accounts (IRSA): one role per service,
# assumable only by the projected token of exactly that namespace/service
# account (sub) issued for STS (aud), carrying the same least-privilege
# policies as the ECS task roles (service-iam).

locals {
  issuer = trimsuffix(trimprefix(var.oidc_provider_url, "https://"), "/")

  trust_policies = {
    for k, sa in var.service_accounts : k => jsonencode({
      Version = "2012-10-17"
      Statement = [{
        Sid       = "ServiceAccount"
        Effect    = "Allow"
        Principal = { Federated = var.oidc_provider_arn }
        Action    = "sts:AssumeRoleWithWebIdentity"
        Condition = {
          StringEquals = {
            "${local.issuer}:sub" = "system:serviceaccount:${sa.namespace}:${sa.service_account}"
            "${local.issuer}:aud" = var.audience
          }
        }
      }]
    })
  }

  attachments = merge([
    for k, sa in var.service_accounts : {
      for pk, arn in sa.policy_arns : "${k}/${pk}" => { service = k, policy_arn = arn }
    }
  ]...)
}

resource "aws_iam_role" "this" {
  for_each = var.service_accounts

  name                 = "${var.name_prefix}-${each.key}-irsa"
  path                 = var.path
  description          = "IRSA role of ${each.value.namespace}/${each.value.service_account}"
  assume_role_policy   = local.trust_policies[each.key]
  max_session_duration = each.value.max_session_duration
  permissions_boundary = var.permissions_boundary_arn

  tags = merge(var.tags, { Service = each.key })
}

resource "aws_iam_role_policy_attachment" "this" {
  for_each = local.attachments

  role       = aws_iam_role.this[each.value.service].name
  policy_arn = each.value.policy_arn
}

resource "aws_iam_role_policy" "inline" {
  for_each = { for k, sa in var.service_accounts : k => sa if sa.inline_policy_json != null }

  name   = "data-access"
  role   = aws_iam_role.this[each.key].id
  policy = each.value.inline_policy_json
}
