mock_provider "aws" {
  mock_resource "aws_iam_role" {
    override_during = plan
    defaults        = { arn = "arn:aws:iam::111122223333:role/mock-irsa" }
  }
}

variables {
  name_prefix       = "commerce-test"
  oidc_provider_arn = "arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE"
  oidc_provider_url = "https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE"

  service_accounts = {
    "catalog-service" = {
      namespace       = "commerce"
      service_account = "catalog-service"
      policy_arns     = { data = "arn:aws:iam::111122223333:policy/commerce-test-catalog-service" }
    }
    "order-service" = {
      namespace          = "commerce"
      service_account    = "order-service"
      inline_policy_json = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Effect\":\"Allow\",\"Action\":[\"rds-db:connect\"],\"Resource\":[\"arn:aws:rds-db:eu-west-1:111122223333:dbuser:cluster-ABC/order_service\"]}]}"
    }
  }
}

run "trust_is_scoped_to_sub_and_aud" {
  command = plan

  assert {
    condition     = jsondecode(aws_iam_role.this["catalog-service"].assume_role_policy).Statement[0].Condition.StringEquals["oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:sub"] == "system:serviceaccount:commerce:catalog-service"
    error_message = "Trust must be conditioned on the exact service account (sub)."
  }

  assert {
    condition     = jsondecode(aws_iam_role.this["catalog-service"].assume_role_policy).Statement[0].Condition.StringEquals["oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:aud"] == "sts.amazonaws.com"
    error_message = "Trust must be conditioned on the STS audience (aud)."
  }

  assert {
    condition     = jsondecode(aws_iam_role.this["catalog-service"].assume_role_policy).Statement[0].Action == "sts:AssumeRoleWithWebIdentity" && jsondecode(aws_iam_role.this["catalog-service"].assume_role_policy).Statement[0].Principal.Federated == var.oidc_provider_arn
    error_message = "Only web identity federation through the cluster's OIDC provider."
  }

  assert {
    condition     = alltrue([for r in aws_iam_role.this : !strcontains(r.assume_role_policy, "StringLike") && !strcontains(r.assume_role_policy, "*")])
    error_message = "No wildcard service accounts in trust policies."
  }

  assert {
    condition     = aws_iam_role.this["order-service"].name == "commerce-test-order-service-irsa"
    error_message = "Role names are <prefix>-<service>-irsa."
  }
}

run "policies_are_the_service_iam_ones" {
  command = plan

  assert {
    condition     = length(aws_iam_role_policy_attachment.this) == 1 && aws_iam_role_policy_attachment.this["catalog-service/data"].policy_arn == "arn:aws:iam::111122223333:policy/commerce-test-catalog-service"
    error_message = "catalog-service gets exactly its service-iam policy."
  }

  assert {
    condition     = length(aws_iam_role_policy.inline) == 1 && strcontains(aws_iam_role_policy.inline["order-service"].policy, "rds-db:connect")
    error_message = "Inline policy documents are supported too."
  }

  assert {
    condition     = output.service_account_annotations["catalog-service"]["eks.amazonaws.com/role-arn"] == "arn:aws:iam::111122223333:role/mock-irsa"
    error_message = "Annotation output names the role ARN."
  }
}

run "issuer_without_scheme" {
  command = plan

  variables {
    oidc_provider_url = "oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE"
    audience          = "sts.amazonaws.com"
  }

  assert {
    condition     = strcontains(aws_iam_role.this["catalog-service"].assume_role_policy, "\"oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE:sub\"")
    error_message = "Condition keys use the issuer without scheme."
  }
}

run "rejects_wildcard_service_account" {
  command = plan

  variables {
    service_accounts = {
      "catalog-service" = { namespace = "commerce", service_account = "*" }
    }
  }

  expect_failures = [var.service_accounts]
}

run "rejects_non_oidc_provider_arn" {
  command = plan

  variables {
    oidc_provider_arn = "arn:aws:iam::111122223333:role/not-a-provider"
  }

  expect_failures = [var.oidc_provider_arn]
}

run "rejects_empty_map" {
  command = plan

  variables {
    service_accounts = {}
  }

  expect_failures = [var.service_accounts]
}

run "rejects_bad_policy_arn" {
  command = plan

  variables {
    service_accounts = {
      "catalog-service" = { namespace = "commerce", service_account = "catalog-service", policy_arns = { data = "AdministratorAccess" } }
    }
  }

  expect_failures = [var.service_accounts]
}
