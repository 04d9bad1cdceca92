# One least-privilege policy per service, from the ARNs of the stores.
provider "aws" {
  region = "eu-west-1"
}

module "service_iam" {
  source = "../.."

  name = "example"
  catalog = {
    table_arn  = "arn:aws:dynamodb:eu-west-1:123456789012:table/example-catalog"
    stream_arn = "arn:aws:dynamodb:eu-west-1:123456789012:table/example-catalog/stream/2026-01-01T00:00:00.000"
  }
  order = {
    db_resource_id = "prx-0123456789abcdef0" # through the RDS Proxy with IAM tokens
    db_username    = "order_app"
  }
  session = {
    auth_secret_arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:example-sessions/redis-auth-token-AbCdEf"
  }
  media = {
    bucket_arn          = "arn:aws:s3:::example-media-123456789012"
    bucket_key_prefixes = ["media/", "owners/", "staging/", "uploads/", "presigned/"]
  }
}

output "policy_arns" {
  description = "Policy of each service."
  value       = module.service_iam.policy_arns
}
