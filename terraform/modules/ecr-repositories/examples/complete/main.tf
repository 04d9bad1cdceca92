provider "aws" {
  region = "eu-west-1"
}

module "ecr" {
  source = "../.."

  name_prefix                = "commerce"
  repositories               = ["catalog-service", "order-service", "session-service", "media-service"]
  keep_tagged_images         = 20
  untagged_image_expiry_days = 3

  tags = { Project = "commerce" }
}

output "repository_urls" {
  description = "Push targets per service."
  value       = module.ecr.repository_urls
}
