mock_provider "aws" {}

variables {
  name                     = "commerce-test"
  vpc_id                   = "vpc-0123456789abcdef0"
  vpc_cidr_block           = "10.40.0.0/16"
  https_egress_cidr_blocks = []
}

run "one_group_per_service_without_ingress" {
  command = plan

  assert {
    condition     = toset(keys(aws_security_group.service)) == toset(["catalog-service", "order-service", "session-service", "media-service"])
    error_message = "One security group per service."
  }

  assert {
    condition     = alltrue([for r in aws_vpc_security_group_egress_rule.vpc : r.cidr_ipv4 == "10.40.0.0/16"]) && length(aws_vpc_security_group_egress_rule.https) == 0
    error_message = "Without NAT, egress stays inside the VPC."
  }
}

run "rejects_invalid_service_name" {
  command = plan

  variables {
    services = ["Catalog Service"]
  }

  expect_failures = [var.services]
}
