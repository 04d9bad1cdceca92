terraform {
  required_version = ">= 1.11"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.80, < 6.0"
    }
  }
}

# Every API the stack calls goes to the local emulator with dummy credentials.
provider "aws" {
  region = var.region
  # The CI's administrator on the emulator (IAM authorization is enforced there).
  access_key = var.access_key
  secret_key = var.secret_key

  skip_credentials_validation = true
  skip_requesting_account_id  = true
  skip_metadata_api_check     = true
  skip_region_validation      = true
  s3_use_path_style           = true

  endpoints {
    applicationautoscaling = var.endpoint
    cloudwatch             = var.endpoint
    cognitoidp             = var.endpoint
    dynamodb               = var.endpoint
    ec2                    = var.endpoint
    ecr                    = var.endpoint
    ecs                    = var.endpoint
    efs                    = var.endpoint
    elasticache            = var.endpoint
    iam                    = var.endpoint
    kms                    = var.endpoint
    logs                   = var.endpoint
    rds                    = var.endpoint
    s3                     = var.endpoint
    secretsmanager         = var.endpoint
    servicediscovery       = var.endpoint
    sns                    = var.endpoint
    sts                    = var.endpoint
  }

  default_tags {
    tags = {
      Project     = "commerce"
      Environment = "emulator"
      ManagedBy   = "terraform"
    }
  }
}
