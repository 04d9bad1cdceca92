data "aws_caller_identity" "current" {}

locals {
  create_log_bucket = var.access_logging.enabled && var.access_logging.target_bucket == null
  log_bucket_name   = "${substr(var.bucket_name, 0, 58)}-logs"
  log_prefix        = "${var.bucket_name}/"

  create_kms_key = var.kms_key_arn == null
  kms_key_arn    = local.create_kms_key ? aws_kms_key.this[0].arn : var.kms_key_arn
  lc             = var.lifecycle_rules
  notifications  = var.eventbridge_enabled || length(var.queue_notifications) > 0
}

################################################################################
# Encryption key
################################################################################

resource "aws_kms_key" "this" {
  count = local.create_kms_key ? 1 : 0

  description             = "S3 bucket ${var.bucket_name}"
  enable_key_rotation     = true
  deletion_window_in_days = var.kms_key_deletion_window_in_days

  tags = var.tags
}

resource "aws_kms_alias" "this" {
  count = local.create_kms_key ? 1 : 0

  name          = "alias/s3/${var.bucket_name}"
  target_key_id = aws_kms_key.this[0].key_id
}

################################################################################
# Bucket
################################################################################

resource "aws_s3_bucket" "this" {
  bucket        = var.bucket_name
  force_destroy = var.force_destroy

  tags = merge(var.tags, { Name = var.bucket_name })
}

resource "aws_s3_bucket_public_access_block" "this" {
  bucket = aws_s3_bucket.this.id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

# ACLs off: the bucket owner owns every object, access is decided by IAM and the bucket policy only.
resource "aws_s3_bucket_ownership_controls" "this" {
  bucket = aws_s3_bucket.this.id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

resource "aws_s3_bucket_versioning" "this" {
  bucket = aws_s3_bucket.this.id

  versioning_configuration {
    status = "Enabled"
  }
}

resource "aws_s3_bucket_server_side_encryption_configuration" "this" {
  bucket = aws_s3_bucket.this.id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm     = "aws:kms"
      kms_master_key_id = local.kms_key_arn
    }
    bucket_key_enabled = true # one KMS call per bucket key instead of per object: cheaper, fewer throttles
  }
}

resource "aws_s3_bucket_policy" "this" {
  bucket = aws_s3_bucket.this.id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = [aws_s3_bucket.this.arn, "${aws_s3_bucket.this.arn}/*"]
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
      {
        Sid       = "DenyOutdatedTLS"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = [aws_s3_bucket.this.arn, "${aws_s3_bucket.this.arn}/*"]
        Condition = { NumericLessThan = { "s3:TlsVersion" = "1.2" } }
      },
      {
        # Uploads may ask for no encryption (the bucket default, SSE-KMS with
        # the bucket's key, applies) but never for another kind (AES256 would
        # store the object without the key, and without the key-id header the
        # statement below would not catch it).
        Sid       = "DenyOtherEncryption"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:PutObject"
        Resource  = "${aws_s3_bucket.this.arn}/*"
        Condition = { StringNotEqualsIfExists = { "s3:x-amz-server-side-encryption" = "aws:kms" } }
      },
      {
        # Uploads may name no key (the default key applies) but never another key.
        Sid       = "DenyOtherKmsKeys"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:PutObject"
        Resource  = "${aws_s3_bucket.this.arn}/*"
        Condition = { StringNotEqualsIfExists = { "s3:x-amz-server-side-encryption-aws-kms-key-id" = local.kms_key_arn } }
      },
    ]
  })

  # A policy before the public access block could be judged public and rejected.
  depends_on = [aws_s3_bucket_public_access_block.this]
}

resource "aws_s3_bucket_lifecycle_configuration" "this" {
  bucket = aws_s3_bucket.this.id

  rule {
    id     = "current-versions-tiering"
    status = "Enabled"

    filter {}

    dynamic "transition" {
      for_each = local.lc.standard_ia_days == null ? [] : [local.lc.standard_ia_days]
      content {
        days          = transition.value
        storage_class = "STANDARD_IA"
      }
    }

    dynamic "transition" {
      for_each = local.lc.intelligent_tiering_days == null ? [] : [local.lc.intelligent_tiering_days]
      content {
        days          = transition.value
        storage_class = "INTELLIGENT_TIERING"
      }
    }
  }

  dynamic "rule" {
    for_each = local.lc.archive_glacier_days == null && local.lc.archive_deep_archive_days == null ? [] : [1]

    content {
      id     = "archive-prefix"
      status = "Enabled"

      filter {
        prefix = local.lc.archive_prefix
      }

      dynamic "transition" {
        for_each = local.lc.archive_glacier_days == null ? [] : [local.lc.archive_glacier_days]
        content {
          days          = transition.value
          storage_class = "GLACIER"
        }
      }

      dynamic "transition" {
        for_each = local.lc.archive_deep_archive_days == null ? [] : [local.lc.archive_deep_archive_days]
        content {
          days          = transition.value
          storage_class = "DEEP_ARCHIVE"
        }
      }
    }
  }

  rule {
    id     = "noncurrent-versions"
    status = "Enabled"

    filter {}

    dynamic "noncurrent_version_transition" {
      for_each = local.lc.noncurrent_standard_ia_days == null ? [] : [local.lc.noncurrent_standard_ia_days]
      content {
        noncurrent_days = noncurrent_version_transition.value
        storage_class   = "STANDARD_IA"
      }
    }

    noncurrent_version_expiration {
      noncurrent_days           = local.lc.noncurrent_expiration_days
      newer_noncurrent_versions = local.lc.noncurrent_newer_versions_to_keep > 0 ? local.lc.noncurrent_newer_versions_to_keep : null
    }

    # Remove delete markers once no versions are left behind them.
    expiration {
      expired_object_delete_marker = true
    }
  }

  rule {
    id     = "abort-incomplete-multipart-uploads"
    status = "Enabled"

    filter {}

    abort_incomplete_multipart_upload {
      days_after_initiation = local.lc.abort_incomplete_multipart_upload_days
    }
  }

  # Lifecycle rules on noncurrent versions need versioning on first.
  depends_on = [aws_s3_bucket_versioning.this]
}

resource "aws_s3_bucket_cors_configuration" "this" {
  count = length(var.cors_allowed_origins) > 0 ? 1 : 0

  bucket = aws_s3_bucket.this.id

  cors_rule {
    allowed_origins = var.cors_allowed_origins
    allowed_methods = var.cors_allowed_methods
    allowed_headers = var.cors_allowed_headers
    expose_headers  = ["ETag", "x-amz-version-id"]
    max_age_seconds = var.cors_max_age_seconds
  }
}

################################################################################
# Server access logs: every request to the bucket, kept in a bucket of their own
################################################################################

resource "aws_s3_bucket_logging" "this" {
  count = var.access_logging.enabled ? 1 : 0

  bucket        = aws_s3_bucket.this.id
  target_bucket = local.create_log_bucket ? aws_s3_bucket.access_logs[0].id : var.access_logging.target_bucket
  target_prefix = local.log_prefix

  depends_on = [aws_s3_bucket_policy.access_logs]
}

resource "aws_s3_bucket" "access_logs" {
  count = local.create_log_bucket ? 1 : 0

  bucket        = local.log_bucket_name
  force_destroy = var.force_destroy

  tags = merge(var.tags, { Name = local.log_bucket_name })
}

resource "aws_s3_bucket_public_access_block" "access_logs" {
  count = local.create_log_bucket ? 1 : 0

  bucket = aws_s3_bucket.access_logs[0].id

  block_public_acls       = true
  block_public_policy     = true
  ignore_public_acls      = true
  restrict_public_buckets = true
}

resource "aws_s3_bucket_ownership_controls" "access_logs" {
  count = local.create_log_bucket ? 1 : 0

  bucket = aws_s3_bucket.access_logs[0].id

  rule {
    object_ownership = "BucketOwnerEnforced"
  }
}

# Server access log delivery supports only SSE-S3 on the target bucket.
resource "aws_s3_bucket_server_side_encryption_configuration" "access_logs" {
  count = local.create_log_bucket ? 1 : 0

  bucket = aws_s3_bucket.access_logs[0].id

  rule {
    apply_server_side_encryption_by_default {
      sse_algorithm = "AES256"
    }
  }
}

resource "aws_s3_bucket_lifecycle_configuration" "access_logs" {
  count = local.create_log_bucket ? 1 : 0

  bucket = aws_s3_bucket.access_logs[0].id

  rule {
    id     = "expire-access-logs"
    status = "Enabled"

    filter {}

    expiration {
      days = var.access_logging.retention_days
    }
  }
}

resource "aws_s3_bucket_policy" "access_logs" {
  count = local.create_log_bucket ? 1 : 0

  bucket = aws_s3_bucket.access_logs[0].id
  policy = jsonencode({
    Version = "2012-10-17"
    Statement = [
      {
        # Only S3's log delivery, only for the media bucket of this account, only under its prefix.
        Sid       = "S3ServerAccessLogDelivery"
        Effect    = "Allow"
        Principal = { Service = "logging.s3.amazonaws.com" }
        Action    = ["s3:PutObject"]
        Resource  = "${aws_s3_bucket.access_logs[0].arn}/${local.log_prefix}*"
        Condition = {
          ArnLike      = { "aws:SourceArn" = aws_s3_bucket.this.arn }
          StringEquals = { "aws:SourceAccount" = data.aws_caller_identity.current.account_id }
        }
      },
      {
        Sid       = "DenyInsecureTransport"
        Effect    = "Deny"
        Principal = "*"
        Action    = "s3:*"
        Resource  = [aws_s3_bucket.access_logs[0].arn, "${aws_s3_bucket.access_logs[0].arn}/*"]
        Condition = { Bool = { "aws:SecureTransport" = "false" } }
      },
    ]
  })

  depends_on = [aws_s3_bucket_public_access_block.access_logs]
}

resource "aws_s3_bucket_notification" "this" {
  count = local.notifications ? 1 : 0

  bucket      = aws_s3_bucket.this.id
  eventbridge = var.eventbridge_enabled

  dynamic "queue" {
    for_each = var.queue_notifications
    content {
      queue_arn     = queue.value.queue_arn
      events        = queue.value.events
      filter_prefix = queue.value.filter_prefix
      filter_suffix = queue.value.filter_suffix
    }
  }
}
