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

run "egress_limited_to_vpc_and_https" {
  command = plan

  variables {
    https_egress_cidr_blocks     = ["0.0.0.0/0"]
    https_egress_prefix_list_ids = ["pl-0123456789abcdef0", "pl-0fedcba9876543210"]
  }

  assert {
    condition     = length(aws_vpc_security_group_egress_rule.https) == 4 && alltrue([for r in aws_vpc_security_group_egress_rule.https : r.from_port == 443 && r.to_port == 443 && r.ip_protocol == "tcp"])
    error_message = "Outside the VPC, services may only open HTTPS."
  }

  assert {
    condition     = length(aws_vpc_security_group_egress_rule.https_prefix_list) == 8 && alltrue([for r in aws_vpc_security_group_egress_rule.https_prefix_list : r.from_port == 443 && r.cidr_ipv4 == null])
    error_message = "Each service may reach each gateway-endpoint prefix list on 443."
  }
}

run "rejects_invalid_prefix_list" {
  command = plan

  variables {
    https_egress_prefix_list_ids = ["0.0.0.0/0"]
  }

  expect_failures = [var.https_egress_prefix_list_ids]
}
