# IRSA roles for the four services in namespace `commerce`, each carrying the
# least-privilege policy that service-iam made for it.
provider "aws" {
  region = "eu-west-1"
}

module "irsa" {
  source = "../.."

  name_prefix       = "commerce-prod"
  oidc_provider_arn = "arn:aws:iam::111122223333:oidc-provider/oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE"
  oidc_provider_url = "https://oidc.eks.eu-west-1.amazonaws.com/id/EXAMPLED539D4633E53DE1B71EXAMPLE"

  service_accounts = {
    for svc in ["catalog-service", "order-service", "session-service", "media-service"] : svc => {
      namespace       = "commerce"
      service_account = svc
      policy_arns     = { data = "arn:aws:iam::111122223333:policy/commerce-prod-${svc}" }
    }
  }
}

output "service_account_annotations" {
  description = "Annotate each ServiceAccount with these."
  value       = module.irsa.service_account_annotations
}
