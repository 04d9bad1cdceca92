mock_provider "aws" {}

# Known ARNs at plan time, so the policy that embeds them can be asserted on.
override_resource {
  target          = aws_s3_bucket.this
  override_during = plan
  values = {
    id  = "commerce-test-media-123456789012"
    arn = "arn:aws:s3:::commerce-test-media-123456789012"
  }
}

override_resource {
  target          = aws_s3_bucket.access_logs
  override_during = plan
  values = {
    id  = "commerce-test-media-123456789012-logs"
    arn = "arn:aws:s3:::commerce-test-media-123456789012-logs"
  }
}

override_data {
  target = data.aws_caller_identity.current
  values = { account_id = "123456789012" }
}

variables {
  bucket_name = "commerce-test-media-123456789012"
}

run "secure_defaults" {
  command = plan

  assert {
    condition = alltrue([
      aws_s3_bucket_public_access_block.this.block_public_acls,
      aws_s3_bucket_public_access_block.this.block_public_policy,
      aws_s3_bucket_public_access_block.this.ignore_public_acls,
      aws_s3_bucket_public_access_block.this.restrict_public_buckets,
    ])
    error_message = "All four Block Public Access settings must be on."
  }

  assert {
    condition     = aws_s3_bucket_versioning.this.versioning_configuration[0].status == "Enabled"
    error_message = "Versioning must be enabled."
  }

  assert {
    condition     = one([for r in aws_s3_bucket_server_side_encryption_configuration.this.rule : r.apply_server_side_encryption_by_default[0].sse_algorithm]) == "aws:kms"
    error_message = "Objects must be encrypted with SSE-KMS."
  }

  assert {
    condition     = one([for r in aws_s3_bucket_server_side_encryption_configuration.this.rule : r.bucket_key_enabled]) == true
    error_message = "The S3 bucket key must be on."
  }

  assert {
    condition     = aws_s3_bucket_ownership_controls.this.rule[0].object_ownership == "BucketOwnerEnforced"
    error_message = "Object ownership must be enforced (ACLs off)."
  }

  assert {
    condition     = aws_s3_bucket.this.force_destroy == false
    error_message = "force_destroy must be off by default."
  }

  assert {
    condition     = length(aws_kms_key.this) == 1 && aws_kms_key.this[0].enable_key_rotation
    error_message = "A dedicated KMS key with rotation must be created when none is given."
  }

  assert {
    condition     = length(aws_s3_bucket_cors_configuration.this) == 0
    error_message = "No CORS rule without configured origins."
  }
}

run "lifecycle_values" {
  command = plan

  assert {
    condition     = [for r in aws_s3_bucket_lifecycle_configuration.this.rule : [for t in r.transition : t.days if t.storage_class == "STANDARD_IA"] if r.id == "current-versions-tiering"][0] == [30]
    error_message = "Current versions move to Standard-IA after 30 days."
  }

  assert {
    condition     = [for r in aws_s3_bucket_lifecycle_configuration.this.rule : r.abort_incomplete_multipart_upload[0].days_after_initiation if r.id == "abort-incomplete-multipart-uploads"][0] == 7
    error_message = "Incomplete multipart uploads are aborted after 7 days."
  }

  assert {
    condition     = [for r in aws_s3_bucket_lifecycle_configuration.this.rule : r.noncurrent_version_expiration[0].noncurrent_days if r.id == "noncurrent-versions"][0] > 0
    error_message = "Noncurrent versions must expire."
  }

  assert {
    condition     = alltrue([for r in aws_s3_bucket_lifecycle_configuration.this.rule : r.status == "Enabled"])
    error_message = "Every lifecycle rule must be enabled."
  }
}

run "tls_only_policy" {
  command = plan

  variables {
    kms_key_arn = "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555"
  }

  assert {
    condition = anytrue([for s in jsondecode(aws_s3_bucket_policy.this.policy).Statement :
    s.Effect == "Deny" && s.Condition.Bool["aws:SecureTransport"] == "false" if s.Sid == "DenyInsecureTransport"])
    error_message = "The bucket policy must deny requests without TLS."
  }

  assert {
    condition     = length(aws_kms_key.this) == 0
    error_message = "No key is created when one is given."
  }
}

# An upload asking for SSE-S3 (AES256) carries no KMS key id header, so a
# key-id condition alone lets it through: the encryption header itself is checked.
run "uploads_cannot_choose_another_encryption" {
  command = plan

  variables {
    kms_key_arn = "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555"
  }

  assert {
    condition = anytrue([for s in jsondecode(aws_s3_bucket_policy.this.policy).Statement :
      s.Effect == "Deny" && s.Principal == "*" && s.Action == "s3:PutObject" && s.Resource == "arn:aws:s3:::commerce-test-media-123456789012/*"
    && try(s.Condition.StringNotEqualsIfExists["s3:x-amz-server-side-encryption"], "") == "aws:kms"])
    error_message = "PutObject with any server-side encryption other than aws:kms must be denied."
  }

  assert {
    condition = anytrue([for s in jsondecode(aws_s3_bucket_policy.this.policy).Statement :
      s.Effect == "Deny" && s.Action == "s3:PutObject"
    && try(s.Condition.StringNotEqualsIfExists["s3:x-amz-server-side-encryption-aws-kms-key-id"], "") == "arn:aws:kms:us-east-1:123456789012:key/11111111-2222-3333-4444-555555555555"])
    error_message = "PutObject naming another KMS key must be denied."
  }
}

run "server_access_logs_go_to_their_own_bucket" {
  command = plan

  assert {
    condition     = aws_s3_bucket_logging.this[0].target_bucket == "commerce-test-media-123456789012-logs" && aws_s3_bucket_logging.this[0].target_prefix == "commerce-test-media-123456789012/"
    error_message = "Access logs of the media bucket go to its log bucket, under the bucket's name."
  }

  assert {
    condition = alltrue([
      aws_s3_bucket_public_access_block.access_logs[0].block_public_acls,
      aws_s3_bucket_public_access_block.access_logs[0].block_public_policy,
      aws_s3_bucket_public_access_block.access_logs[0].ignore_public_acls,
      aws_s3_bucket_public_access_block.access_logs[0].restrict_public_buckets,
    ]) && one(aws_s3_bucket_server_side_encryption_configuration.access_logs[0].rule).apply_server_side_encryption_by_default[0].sse_algorithm == "AES256"
    error_message = "The log bucket is private and encrypted (SSE-S3, the only encryption log delivery supports)."
  }

  assert {
    condition = one([for s in jsondecode(aws_s3_bucket_policy.access_logs[0].policy).Statement : s if s.Effect == "Allow"]) == {
      Sid       = "S3ServerAccessLogDelivery"
      Effect    = "Allow"
      Principal = { Service = "logging.s3.amazonaws.com" }
      Action    = ["s3:PutObject"]
      Resource  = "arn:aws:s3:::commerce-test-media-123456789012-logs/commerce-test-media-123456789012/*"
      Condition = {
        ArnLike      = { "aws:SourceArn" = "arn:aws:s3:::commerce-test-media-123456789012" }
        StringEquals = { "aws:SourceAccount" = "123456789012" }
      }
    }
    error_message = "Only S3 log delivery for the media bucket of this account may write, and only under the bucket's prefix."
  }

  assert {
    condition     = one(aws_s3_bucket_lifecycle_configuration.access_logs[0].rule).expiration[0].days == 365 && output.protection.access_logged
    error_message = "Access logs expire after a year; the bucket reports itself access-logged."
  }
}

run "access_logs_into_an_existing_bucket" {
  command = plan

  variables {
    access_logging = { target_bucket = "central-access-logs" }
  }

  assert {
    condition     = aws_s3_bucket_logging.this[0].target_bucket == "central-access-logs" && length(aws_s3_bucket.access_logs) == 0
    error_message = "A given target bucket is used and no log bucket is created."
  }
}

run "cors_for_presigned_uploads" {
  command = plan

  variables {
    cors_allowed_origins = ["https://shop.example.com"]
  }

  assert {
    condition     = length(aws_s3_bucket_cors_configuration.this) == 1
    error_message = "CORS must admit exactly the configured origins."
  }
}

run "rejects_invalid_bucket_name" {
  command = plan

  variables {
    bucket_name = "Not_A_Bucket"
  }

  expect_failures = [var.bucket_name]
}

run "rejects_wildcard_cors_origin" {
  command = plan

  variables {
    cors_allowed_origins = ["*"]
  }

  expect_failures = [var.cors_allowed_origins]
}

run "lifecycle_later_tiers_and_noncurrent_versions" {
  command = plan

  assert {
    condition     = [for r in aws_s3_bucket_lifecycle_configuration.this.rule : [for t in r.transition : t.days if t.storage_class == "INTELLIGENT_TIERING"] if r.id == "current-versions-tiering"][0] == [90]
    error_message = "Current versions must move to Intelligent-Tiering after 90 days."
  }

  assert {
    condition = [for r in aws_s3_bucket_lifecycle_configuration.this.rule : {
      prefix = one(r.filter).prefix
      days   = { for t in r.transition : t.storage_class => t.days }
    } if r.id == "archive-prefix"][0] == { prefix = "archive/", days = { GLACIER = 90, DEEP_ARCHIVE = 180 } }
    error_message = "archive/ must go to Glacier after 90 days and Deep Archive after 180."
  }

  assert {
    condition     = [for r in aws_s3_bucket_lifecycle_configuration.this.rule : [for t in r.noncurrent_version_transition : t.noncurrent_days if t.storage_class == "STANDARD_IA"] if r.id == "noncurrent-versions"][0] == [30]
    error_message = "Noncurrent versions must move to Standard-IA after 30 days."
  }

  assert {
    condition     = [for r in aws_s3_bucket_lifecycle_configuration.this.rule : r.noncurrent_version_expiration[0].noncurrent_days if r.id == "noncurrent-versions"][0] == 90
    error_message = "Noncurrent versions must expire after 90 days."
  }

  assert {
    condition     = tostring([for r in aws_s3_bucket_lifecycle_configuration.this.rule : r.noncurrent_version_expiration[0].newer_noncurrent_versions if r.id == "noncurrent-versions"][0]) == "3"
    error_message = "The 3 newest noncurrent versions must be kept."
  }
}

run "rejects_standard_ia_before_30_days" {
  command = plan

  variables {
    lifecycle_rules = { standard_ia_days = 10 }
  }

  expect_failures = [var.lifecycle_rules]
}
