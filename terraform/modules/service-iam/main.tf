# One least-privilege policy per service. Every statement names the exact
# resource ARN; no action contains a wildcard. The policies are not attached
# here: the deployment module attaches them to ECS task roles or to the IAM
# roles of Kubernetes service accounts (IRSA / Pod Identity).

data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}
data "aws_region" "current" {}

# Statements are JSON-encoded one by one so that every list below has the
# same type (list of strings) whatever the shape of the statements in it.
locals {
  partition = data.aws_partition.current.partition
  region    = data.aws_region.current.name
  account   = data.aws_caller_identity.current.account_id

  via = {
    dynamodb       = "dynamodb.${local.region}.amazonaws.com"
    s3             = "s3.${local.region}.amazonaws.com"
    secretsmanager = "secretsmanager.${local.region}.amazonaws.com"
  }

  catalog_statements = var.catalog == null ? [] : concat(
    [
      jsonencode({
        Sid    = "TableReadWrite"
        Effect = "Allow"
        Action = [
          "dynamodb:BatchGetItem",
          "dynamodb:BatchWriteItem",
          "dynamodb:ConditionCheckItem",
          "dynamodb:DeleteItem",
          "dynamodb:DescribeTable",
          "dynamodb:GetItem",
          "dynamodb:PutItem",
          "dynamodb:Query",
          "dynamodb:UpdateItem",
        ]
        Resource = [var.catalog.table_arn]
      }),
      jsonencode({
        Sid      = "IndexQuery"
        Effect   = "Allow"
        Action   = ["dynamodb:Query"]
        Resource = ["${var.catalog.table_arn}/index/*"] # every index of this table, nothing else
      }),
    ],
    var.catalog.stream_arn == null ? [] : [jsonencode({
      Sid      = "StreamRead"
      Effect   = "Allow"
      Action   = ["dynamodb:DescribeStream", "dynamodb:GetRecords", "dynamodb:GetShardIterator"]
      Resource = [var.catalog.stream_arn]
    })],
    var.catalog.kms_key_arn == null ? [] : [jsonencode({
      Sid       = "TableKey"
      Effect    = "Allow"
      Action    = ["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey"]
      Resource  = [var.catalog.kms_key_arn]
      Condition = { StringEquals = { "kms:ViaService" = local.via.dynamodb } }
    })],
  )

  order_statements = var.order == null ? [] : concat(
    var.order.db_resource_id == null ? [] : [jsonencode({
      Sid      = "DatabaseConnectAsServiceUser"
      Effect   = "Allow"
      Action   = ["rds-db:connect"]
      Resource = ["arn:${local.partition}:rds-db:${local.region}:${local.account}:dbuser:${var.order.db_resource_id}/${var.order.db_username}"]
    })],
    var.order.secret_arn == null ? [] : [jsonencode({
      Sid      = "DatabaseSecretRead"
      Effect   = "Allow"
      Action   = ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"]
      Resource = [var.order.secret_arn]
    })],
    var.order.secret_arn == null || var.order.secret_kms_key_arn == null ? [] : [jsonencode({
      Sid       = "DatabaseSecretKey"
      Effect    = "Allow"
      Action    = ["kms:Decrypt"]
      Resource  = [var.order.secret_kms_key_arn]
      Condition = { StringEquals = { "kms:ViaService" = local.via.secretsmanager } }
    })],
  )

  session_statements = var.session == null ? [] : concat(
    [jsonencode({
      Sid      = "RedisAuthSecretRead"
      Effect   = "Allow"
      Action   = ["secretsmanager:DescribeSecret", "secretsmanager:GetSecretValue"]
      Resource = [var.session.auth_secret_arn]
    })],
    var.session.kms_key_arn == null ? [] : [jsonencode({
      Sid       = "RedisAuthSecretKey"
      Effect    = "Allow"
      Action    = ["kms:Decrypt"]
      Resource  = [var.session.kms_key_arn]
      Condition = { StringEquals = { "kms:ViaService" = local.via.secretsmanager } }
    })],
  )

  media_statements = var.media == null ? [] : concat(
    var.media.bucket_arn == null ? [] : [
      jsonencode({
        Sid       = "BucketListUnderOwnPrefixes"
        Effect    = "Allow"
        Action    = ["s3:ListBucket", "s3:ListBucketVersions"]
        Resource  = [var.media.bucket_arn]
        Condition = { StringLike = { "s3:prefix" = [for p in var.media.bucket_key_prefixes : "${p}*"] } }
      }),
      jsonencode({
        Sid      = "MultipartUploadList"
        Effect   = "Allow"
        Action   = ["s3:ListBucketMultipartUploads"]
        Resource = [var.media.bucket_arn]
      }),
      jsonencode({
        Sid    = "ObjectReadWriteUnderOwnPrefixes"
        Effect = "Allow"
        Action = [
          "s3:AbortMultipartUpload",
          "s3:DeleteObject",
          "s3:DeleteObjectVersion",
          "s3:GetObject",
          "s3:GetObjectVersion",
          "s3:ListMultipartUploadParts",
          "s3:PutObject",
        ]
        Resource = [for p in var.media.bucket_key_prefixes : "${var.media.bucket_arn}/${p}*"] # the service's key prefixes, not the whole bucket
      }),
    ],
    var.media.bucket_arn == null || var.media.bucket_kms_key_arn == null ? [] : [jsonencode({
      Sid       = "BucketKey"
      Effect    = "Allow"
      Action    = ["kms:Decrypt", "kms:DescribeKey", "kms:Encrypt", "kms:GenerateDataKey"]
      Resource  = [var.media.bucket_kms_key_arn]
      Condition = { StringEquals = { "kms:ViaService" = local.via.s3 } }
    })],
    var.media.efs_file_system_arn == null ? [] : [jsonencode({
      Sid      = "FileSystemMountThroughAccessPoint"
      Effect   = "Allow"
      Action   = ["elasticfilesystem:ClientMount", "elasticfilesystem:ClientWrite"]
      Resource = [var.media.efs_file_system_arn]
      Condition = {
        StringEquals = { "elasticfilesystem:AccessPointArn" = var.media.efs_access_point_arn }
        Bool         = { "elasticfilesystem:AccessedViaMountTarget" = "true" }
      }
    })],
  )

  statements = {
    "catalog-service" = local.catalog_statements
    "order-service"   = local.order_statements
    "session-service" = local.session_statements
    "media-service"   = local.media_statements
  }

  # Keys are decided by which inputs are set, never by unknown values.
  enabled = {
    "catalog-service" = var.catalog != null
    "order-service"   = var.order != null
    "session-service" = var.session != null
    "media-service"   = var.media != null
  }

  policy_documents = {
    for service, statements in local.statements : service => jsonencode({
      Version   = "2012-10-17"
      Statement = [for statement in statements : jsondecode(statement)]
    }) if local.enabled[service]
  }
}

resource "aws_iam_policy" "service" {
  for_each = { for service, on in local.enabled : service => on if on }

  name        = "${var.name}-${each.key}"
  path        = var.path
  description = "Least-privilege access of ${each.key} to its own data store"
  policy      = local.policy_documents[each.key]

  tags = merge(var.tags, { Service = each.key })
}
