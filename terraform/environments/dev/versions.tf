terraform {
  required_version = ">= 1.11"

  required_providers {
    aws = {
      source  = "hashicorp/aws"
      version = ">= 5.80, < 6.0"
    }
  }

  # State lives in S3 (encrypted, versioned bucket, native locking). Configure it at init time:
  #   terraform init -backend-config="bucket=<state bucket>" -backend-config="key=commerce/dev.tfstate" \
  #     -backend-config="region=<region>" -backend-config="use_lockfile=true" -backend-config="encrypt=true"
  backend "s3" {}
}

provider "aws" {
  region = var.region

  default_tags {
    tags = {
      Project     = "commerce"
      Environment = "dev"
      ManagedBy   = "terraform"
    }
  }
}
