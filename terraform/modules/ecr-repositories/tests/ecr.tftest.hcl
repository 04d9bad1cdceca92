mock_provider "aws" {}

run "defaults_are_secure" {
  command = plan

  assert {
    condition     = length(aws_ecr_repository.this) == 4
    error_message = "One repository per service expected."
  }

  assert {
    condition     = alltrue([for r in aws_ecr_repository.this : r.image_tag_mutability == "IMMUTABLE"])
    error_message = "Tags must be immutable by default."
  }

  assert {
    condition     = alltrue([for r in aws_ecr_repository.this : r.image_scanning_configuration[0].scan_on_push])
    error_message = "Scan on push must be on."
  }

  assert {
    condition     = alltrue([for r in aws_ecr_repository.this : r.encryption_configuration[0].encryption_type == "KMS"])
    error_message = "Repositories must be KMS encrypted by default."
  }

  assert {
    condition     = alltrue([for r in aws_ecr_repository.this : r.force_delete == false])
    error_message = "force_delete must be off by default."
  }

  assert {
    condition     = aws_ecr_repository.this["order-service"].name == "commerce/order-service"
    error_message = "Repository names are <prefix>/<service>."
  }

  assert {
    condition     = length(aws_ecr_lifecycle_policy.this) == 4
    error_message = "Every repository gets a lifecycle policy."
  }

  assert {
    condition     = jsondecode(aws_ecr_lifecycle_policy.this["catalog-service"].policy).rules[1].selection.countNumber == 30
    error_message = "Default keeps 30 tagged images."
  }

  assert {
    condition     = jsondecode(aws_ecr_lifecycle_policy.this["catalog-service"].policy).rules[0].selection.tagStatus == "untagged" && jsondecode(aws_ecr_lifecycle_policy.this["catalog-service"].policy).rules[0].selection.countNumber == 7
    error_message = "Untagged images expire after 7 days by default."
  }

  assert {
    condition     = length(aws_ecr_repository_policy.pull) == 0
    error_message = "No repository policy unless cross-account pull is asked for."
  }
}

run "customer_key_and_cross_account_pull" {
  command = plan

  variables {
    kms_key_arn         = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    pull_principal_arns = ["arn:aws:iam::444455556666:role/deployer"]
    repositories        = ["catalog-service"]
  }

  assert {
    condition     = aws_ecr_repository.this["catalog-service"].encryption_configuration[0].kms_key == "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
    error_message = "The given KMS key must be used."
  }

  assert {
    condition     = length(aws_ecr_repository_policy.pull) == 1
    error_message = "Cross-account pull adds a repository policy."
  }

  assert {
    condition     = !strcontains(aws_ecr_repository_policy.pull["catalog-service"].policy, "ecr:*") && !strcontains(aws_ecr_repository_policy.pull["catalog-service"].policy, "\"*\"")
    error_message = "Pull policy must not grant ecr:*."
  }
}

run "aes256" {
  command = plan

  variables {
    encryption_type = "AES256"
    kms_key_arn     = "arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"
  }

  assert {
    condition     = alltrue([for r in aws_ecr_repository.this : r.encryption_configuration[0].encryption_type == "AES256"])
    error_message = "AES256 is honoured (and the KMS key ignored)."
  }
}

run "rejects_bad_mutability" {
  command = plan

  variables {
    image_tag_mutability = "SOMETIMES"
  }

  expect_failures = [var.image_tag_mutability]
}

run "rejects_uppercase_repository" {
  command = plan

  variables {
    repositories = ["Catalog"]
  }

  expect_failures = [var.repositories]
}

run "rejects_zero_kept_images" {
  command = plan

  variables {
    keep_tagged_images = 0
  }

  expect_failures = [var.keep_tagged_images]
}

run "rejects_wildcard_principal" {
  command = plan

  variables {
    pull_principal_arns = ["*"]
  }

  expect_failures = [var.pull_principal_arns]
}

run "rejects_non_kms_arn" {
  command = plan

  variables {
    kms_key_arn = "alias/aws/ecr"
  }

  expect_failures = [var.kms_key_arn]
}
