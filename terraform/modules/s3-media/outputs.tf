output "bucket_name" {
  description = "Name of the bucket (the service's `MEDIA_BUCKET`)."
  value       = aws_s3_bucket.this.id
}

output "bucket_arn" {
  description = "ARN of the bucket."
  value       = aws_s3_bucket.this.arn
}

output "bucket_regional_domain_name" {
  description = "Regional domain name of the bucket."
  value       = aws_s3_bucket.this.bucket_regional_domain_name
}

output "kms_key_arn" {
  description = "ARN of the KMS key encrypting the objects (the service's `MEDIA_KMS_KEY_ID`; SDKs accept the ARN as key id)."
  value       = local.kms_key_arn
}

output "bucket_policy_json" {
  description = "The TLS-only bucket policy in force."
  value       = aws_s3_bucket_policy.this.policy
}

output "protection" {
  description = "Effective protection of the bucket: versioning, SSE algorithm, all four public access blocks, force_destroy."
  value = {
    versioning_status = aws_s3_bucket_versioning.this.versioning_configuration[0].status
    sse_algorithm     = one(aws_s3_bucket_server_side_encryption_configuration.this.rule).apply_server_side_encryption_by_default[0].sse_algorithm
    public_access_blocked = alltrue([
      aws_s3_bucket_public_access_block.this.block_public_acls,
      aws_s3_bucket_public_access_block.this.block_public_policy,
      aws_s3_bucket_public_access_block.this.ignore_public_acls,
      aws_s3_bucket_public_access_block.this.restrict_public_buckets,
    ])
    force_destroy = aws_s3_bucket.this.force_destroy
    access_logged = length(aws_s3_bucket_logging.this) == 1
  }
}

output "access_log_bucket_name" {
  description = "Bucket receiving the server access logs (null when access logging is off)."
  value       = var.access_logging.enabled ? (local.create_log_bucket ? aws_s3_bucket.access_logs[0].id : var.access_logging.target_bucket) : null
}
