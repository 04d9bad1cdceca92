# Media bucket: versioned, SSE-KMS, private, TLS only, tiered, CORS for presigned uploads.
provider "aws" {
  region = "eu-west-1"
}

data "aws_caller_identity" "current" {}

module "media_bucket" {
  source = "../.."

  bucket_name          = "example-media-${data.aws_caller_identity.current.account_id}"
  cors_allowed_origins = ["https://shop.example.com"]
  eventbridge_enabled  = true
}

output "bucket_name" {
  description = "MEDIA_BUCKET."
  value       = module.media_bucket.bucket_name
}
