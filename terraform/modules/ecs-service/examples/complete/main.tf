# catalog-service on Fargate behind the public ALB, reachable by order-service
# through Service Connect. IDs are placeholders: replace them with the outputs
# of ecs-cluster, service-security-groups, service-iam and the data tier.
provider "aws" {
  region = "eu-west-1"
}

module "catalog" {
  source = "../.."

  name               = "catalog-service"
  cluster_name       = "commerce-dev"
  cluster_arn        = "arn:aws:ecs:eu-west-1:111122223333:cluster/commerce-dev"
  subnet_ids         = ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0bbbbbbbbbbbbbbb2"]
  security_group_id  = "sg-0catalog000000001"
  image              = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/commerce/catalog-service:1.0.0"
  ecr_repository_arn = "arn:aws:ecr:eu-west-1:111122223333:repository/commerce/catalog-service"

  environment = {
    CATALOG_TABLE           = "commerce-dev-catalog"
    AWS_REGION              = "eu-west-1"
    JWT_ISSUER              = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_EXAMPLE"
    JWT_PUBLIC_KEY_LOCATION = "https://cognito-idp.eu-west-1.amazonaws.com/eu-west-1_EXAMPLE/.well-known/jwks.json"
    MEDIA_URL               = "http://media-service:8080"
    SESSION_URL             = "http://session-service:8080"
  }

  secrets = {
    OIDC_CLIENT_SECRET = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:commerce-dev/oauth-clients/catalog-service-AbCdEf"
    CURSOR_SIGNING_KEY = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:commerce-dev/cursor-signing-key-GhIjKl"
  }

  task_role_policy_arns = { data = "arn:aws:iam::111122223333:policy/commerce-dev-catalog-service" }

  ingress_from_security_group_ids = { "order-service" = "sg-0order0000000001" }

  service_connect = {
    namespace_arn = "arn:aws:servicediscovery:eu-west-1:111122223333:namespace/ns-abcdefghijklmnop"
  }

  load_balancer = {
    vpc_id                = "vpc-0123456789abcdef0"
    listener_arn          = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:listener/app/commerce-dev-api/0123456789abcdef/0123456789abcdef"
    alb_arn_suffix        = "app/commerce-dev-api/0123456789abcdef"
    alb_security_group_id = "sg-0alb0000000000001"
    path_patterns         = ["/products", "/products/*", "/categories", "/categories/*"]
    priority              = 100
  }

  autoscaling = { min_capacity = 1, max_capacity = 3 }

  tags = { Project = "commerce" }
}

output "service_connect_url" {
  description = "How other services call catalog-service."
  value       = module.catalog.service_connect_url
}
