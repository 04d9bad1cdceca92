mock_provider "aws" {}

override_data {
  target = data.aws_region.current
  values = { name = "us-east-1" }
}

override_data {
  target = data.aws_partition.current
  values = { partition = "aws" }
}

override_data {
  target = data.aws_caller_identity.current
  values = { account_id = "123456789012" }
}

variables {
  name = "commerce-test"
  catalog = {
    table_arn   = "arn:aws:dynamodb:us-east-1:123456789012:table/commerce-test-catalog"
    stream_arn  = "arn:aws:dynamodb:us-east-1:123456789012:table/commerce-test-catalog/stream/2026-01-01T00:00:00.000"
    kms_key_arn = "arn:aws:kms:us-east-1:123456789012:key/11111111-1111-1111-1111-111111111111"
  }
  order = {
    db_resource_id = "prx-0123456789abcdef0"
    db_username    = "order_app"
  }
  session = {
    auth_secret_arn = "arn:aws:secretsmanager:us-east-1:123456789012:secret:commerce-test-sessions/redis-auth-token-AbCdEf"
  }
  media = {
    bucket_arn           = "arn:aws:s3:::commerce-test-media"
    bucket_kms_key_arn   = "arn:aws:kms:us-east-1:123456789012:key/33333333-3333-3333-3333-333333333333"
    efs_file_system_arn  = "arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-0123456789abcdef0"
    efs_access_point_arn = "arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-0123456789abcdef0"
    bucket_key_prefixes  = ["media/", "owners/"]
  }
}

run "least_privilege" {
  command = plan

  assert {
    condition     = length(aws_iam_policy.service) == 4
    error_message = "One policy per service."
  }

  assert {
    condition = alltrue(flatten([for doc in values(aws_iam_policy.service)[*].policy : [
      for s in jsondecode(doc).Statement : [for a in flatten([s.Action]) : !strcontains(a, "*")]
    ]]))
    error_message = "No action may contain a wildcard."
  }

  assert {
    condition = alltrue(flatten([for doc in values(aws_iam_policy.service)[*].policy : [
      for s in jsondecode(doc).Statement : [for r in flatten([s.Resource]) : r != "*"]
    ]]))
    error_message = "No statement may apply to every resource."
  }

  assert {
    condition     = alltrue([for doc in values(aws_iam_policy.service)[*].policy : alltrue([for s in jsondecode(doc).Statement : s.Effect == "Allow"])])
    error_message = "Policies only grant."
  }
}

run "each_service_reaches_only_its_store" {
  command = plan

  assert {
    condition = toset(flatten([for s in jsondecode(aws_iam_policy.service["catalog-service"].policy).Statement : s.Resource if startswith(s.Sid, "Table") || startswith(s.Sid, "Index") || startswith(s.Sid, "Stream")])) == toset([
      "arn:aws:dynamodb:us-east-1:123456789012:table/commerce-test-catalog",
      "arn:aws:dynamodb:us-east-1:123456789012:table/commerce-test-catalog/index/*",
      "arn:aws:dynamodb:us-east-1:123456789012:table/commerce-test-catalog/stream/2026-01-01T00:00:00.000",
      "arn:aws:kms:us-east-1:123456789012:key/11111111-1111-1111-1111-111111111111",
    ])
    error_message = "catalog-service reaches only its table, its indexes, its stream and its key."
  }

  assert {
    condition     = jsondecode(aws_iam_policy.service["order-service"].policy).Statement == [{ Sid = "DatabaseConnectAsServiceUser", Effect = "Allow", Action = ["rds-db:connect"], Resource = ["arn:aws:rds-db:us-east-1:123456789012:dbuser:prx-0123456789abcdef0/order_app"] }]
    error_message = "Through the proxy order-service may only connect as order_app with IAM tokens: no secret at all."
  }

  assert {
    condition     = toset(flatten([for s in jsondecode(aws_iam_policy.service["session-service"].policy).Statement : s.Resource])) == toset(["arn:aws:secretsmanager:us-east-1:123456789012:secret:commerce-test-sessions/redis-auth-token-AbCdEf"])
    error_message = "session-service reads only its Redis AUTH secret."
  }

  assert {
    condition = alltrue([for r in flatten([for s in jsondecode(aws_iam_policy.service["media-service"].policy).Statement : s.Resource]) :
    startswith(r, "arn:aws:s3:::commerce-test-media") || r == "arn:aws:kms:us-east-1:123456789012:key/33333333-3333-3333-3333-333333333333" || r == "arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-0123456789abcdef0"])
    error_message = "media-service reaches only its bucket, its key and its file system."
  }

  assert {
    condition     = one([for s in jsondecode(aws_iam_policy.service["media-service"].policy).Statement : s.Resource if s.Sid == "ObjectReadWriteUnderOwnPrefixes"]) == ["arn:aws:s3:::commerce-test-media/media/*", "arn:aws:s3:::commerce-test-media/owners/*"]
    error_message = "Object permissions are granted under the service's key prefixes only, not on the whole bucket."
  }

  assert {
    condition = one([for s in jsondecode(aws_iam_policy.service["media-service"].policy).Statement : s if s.Sid == "BucketListUnderOwnPrefixes"]) == {
      Sid       = "BucketListUnderOwnPrefixes"
      Effect    = "Allow"
      Action    = ["s3:ListBucket", "s3:ListBucketVersions"]
      Resource  = ["arn:aws:s3:::commerce-test-media"]
      Condition = { StringLike = { "s3:prefix" = ["media/*", "owners/*"] } }
    }
    error_message = "Listing (objects and their versions) is allowed under the service's prefixes only."
  }

  assert {
    condition     = one([for s in jsondecode(aws_iam_policy.service["media-service"].policy).Statement : s.Condition.StringEquals["elasticfilesystem:AccessPointArn"] if s.Sid == "FileSystemMountThroughAccessPoint"]) == "arn:aws:elasticfilesystem:us-east-1:123456789012:access-point/fsap-0123456789abcdef0"
    error_message = "media-service mounts EFS only through its access point."
  }
}

run "skips_services_without_inputs" {
  command = plan

  variables {
    session = null
    media   = null
  }

  assert {
    condition     = toset(keys(aws_iam_policy.service)) == toset(["catalog-service", "order-service"])
    error_message = "Only services with inputs get a policy."
  }
}

run "rejects_non_table_arn" {
  command = plan

  variables {
    catalog = { table_arn = "*" }
  }

  expect_failures = [var.catalog]
}

run "order_service_without_proxy_reads_the_application_login" {
  command = plan

  variables {
    order = {
      db_username        = "order_app"
      secret_arn         = "arn:aws:secretsmanager:us-east-1:123456789012:secret:commerce-test-orders/db-users/order_app-AbCdEf"
      secret_kms_key_arn = "arn:aws:kms:us-east-1:123456789012:key/22222222-2222-2222-2222-222222222222"
    }
  }

  assert {
    condition     = toset(flatten([for s in jsondecode(aws_iam_policy.service["order-service"].policy).Statement : s.Resource])) == toset(["arn:aws:secretsmanager:us-east-1:123456789012:secret:commerce-test-orders/db-users/order_app-AbCdEf", "arn:aws:kms:us-east-1:123456789012:key/22222222-2222-2222-2222-222222222222"])
    error_message = "Without the proxy order-service reads exactly its own login secret (and its key), and connects to nothing by IAM."
  }
}

run "rejects_order_without_any_authentication" {
  command = plan

  variables {
    order = { db_username = "order_app" }
  }

  expect_failures = [var.order]
}

run "rejects_bucket_without_key_prefixes" {
  command = plan

  variables {
    media = { bucket_arn = "arn:aws:s3:::commerce-test-media" }
  }

  expect_failures = [var.media]
}

run "rejects_efs_without_access_point" {
  command = plan

  variables {
    media = { efs_file_system_arn = "arn:aws:elasticfilesystem:us-east-1:123456789012:file-system/fs-0123456789abcdef0" }
  }

  expect_failures = [var.media]
}
