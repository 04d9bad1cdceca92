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
    db_resource_id = "cluster-ABCDEFGHIJKLMNOP"
    db_username    = "order_service"
    secret_arn     = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:rds!cluster-example-AbCdEf"
  }
  session = {
    auth_secret_arn = "arn:aws:secretsmanager:eu-west-1:123456789012:secret:example-sessions/redis-auth-token-AbCdEf"
  }
  media = {
    bucket_arn = "arn:aws:s3:::example-media-123456789012"
  }
}

output "policy_arns" {
  description = "Policy of each service."
  value       = module.service_iam.policy_arns
}
