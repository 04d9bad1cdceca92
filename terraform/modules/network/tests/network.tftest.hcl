mock_provider "aws" {}

override_data {
  target = data.aws_region.current
  values = { name = "us-east-1" }
}

variables {
  name                  = "commerce-test"
  cidr_block            = "10.40.0.0/16"
  azs                   = ["us-east-1a", "us-east-1b", "us-east-1c"]
  private_subnet_cidrs  = ["10.40.0.0/20", "10.40.16.0/20", "10.40.32.0/20"]
  database_subnet_cidrs = ["10.40.48.0/24", "10.40.49.0/24", "10.40.50.0/24"]
}

run "private_only_by_default" {
  command = plan

  assert {
    condition     = length(aws_subnet.private) == 3 && length(aws_subnet.database) == 3 && length(aws_subnet.public) == 0
    error_message = "Private and data subnets across 3 AZs; no public subnets unless asked for."
  }

  assert {
    condition     = length(aws_internet_gateway.this) == 0 && length(aws_nat_gateway.this) == 0
    error_message = "No internet or NAT gateway without public subnets."
  }

  assert {
    condition     = toset(keys(aws_vpc_endpoint.gateway)) == toset(["s3", "dynamodb"]) && alltrue([for e in aws_vpc_endpoint.gateway : e.vpc_endpoint_type == "Gateway"])
    error_message = "Gateway endpoints for S3 and DynamoDB."
  }

  assert {
    condition     = aws_vpc_endpoint.gateway["s3"].service_name == "com.amazonaws.us-east-1.s3"
    error_message = "Endpoint service names follow the region."
  }

  assert {
    condition     = length(aws_flow_log.this) == 0
    error_message = "Flow logs are optional (off by default)."
  }
}

run "public_nat_and_flow_logs" {
  command = plan

  variables {
    public_subnet_cidrs = ["10.40.64.0/24", "10.40.65.0/24", "10.40.66.0/24"]
    enable_nat_gateway  = true
    single_nat_gateway  = true
    enable_flow_logs    = true
  }

  assert {
    condition     = length(aws_subnet.public) == 3 && alltrue([for s in aws_subnet.public : !s.map_public_ip_on_launch])
    error_message = "Public subnets do not hand out public IPs."
  }

  assert {
    condition     = length(aws_nat_gateway.this) == 1 && length(aws_route.private_nat) == 3
    error_message = "One shared NAT gateway routes every private subnet."
  }

  assert {
    condition     = length(aws_flow_log.this) == 1 && aws_cloudwatch_log_group.flow_logs[0].retention_in_days == 30
    error_message = "Flow logs go to a log group with a retention."
  }
}

run "rejects_nat_without_public_subnets" {
  command = plan

  variables {
    enable_nat_gateway = true
  }

  expect_failures = [var.enable_nat_gateway]
}

run "rejects_subnet_count_mismatch" {
  command = plan

  variables {
    private_subnet_cidrs = ["10.40.0.0/20"]
  }

  expect_failures = [var.private_subnet_cidrs]
}

run "data_subnets_have_no_internet_route" {
  command = plan

  # Known route table IDs at plan time, so routes can be matched to their tables.
  override_resource {
    target          = aws_route_table.database
    override_during = plan
    values          = { id = "rtb-database" }
  }

  override_resource {
    target          = aws_route_table.private
    override_during = plan
    values          = { id = "rtb-private" }
  }

  override_resource {
    target          = aws_route_table.public
    override_during = plan
    values          = { id = "rtb-public" }
  }

  variables {
    public_subnet_cidrs = ["10.40.64.0/24", "10.40.65.0/24", "10.40.66.0/24"]
    enable_nat_gateway  = true
    interface_endpoints = ["secretsmanager", "kms"]
  }

  assert {
    condition     = !contains(concat(aws_route.private_nat[*].route_table_id, aws_route.public_internet[*].route_table_id), "rtb-database") && length(aws_route.private_nat) == 3
    error_message = "Data subnets must have no route to the internet (NAT routes only on the private tables)."
  }

  assert {
    condition     = alltrue([for a in aws_route_table_association.database : a.route_table_id == "rtb-database"])
    error_message = "Every data subnet must use the isolated route table."
  }

  assert {
    condition     = aws_vpc_security_group_ingress_rule.interface_endpoints_https[0].from_port == 443 && aws_vpc_security_group_ingress_rule.interface_endpoints_https[0].cidr_ipv4 == "10.40.0.0/16"
    error_message = "Interface endpoints must admit HTTPS from the VPC only."
  }

  assert {
    condition     = alltrue([for e in aws_vpc_endpoint.interface : e.private_dns_enabled && e.vpc_endpoint_type == "Interface"])
    error_message = "Interface endpoints must use private DNS."
  }
}

run "rejects_invalid_flow_log_retention" {
  command = plan

  variables {
    enable_flow_logs            = true
    flow_logs_retention_in_days = 10
  }

  expect_failures = [var.flow_logs_retention_in_days]
}
