mock_provider "aws" {
  mock_resource "aws_security_group" {
    defaults = { id = "sg-0a1b2c3d4e5f60001" }
  }
}

variables {
  name              = "commerce-test"
  vpc_id            = "vpc-0123456789abcdef0"
  public_subnet_ids = ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0bbbbbbbbbbbbbbb2"]
  certificate_arn   = "arn:aws:acm:eu-west-1:111122223333:certificate/11111111-2222-3333-4444-555555555555"
}

run "cluster_and_namespace" {
  command = plan

  assert {
    condition     = one([for s in aws_ecs_cluster.this.setting : s.value if s.name == "containerInsights"]) == "enabled"
    error_message = "Container Insights must be on by default."
  }

  assert {
    condition     = aws_service_discovery_http_namespace.this.name == "commerce-test.internal"
    error_message = "Service Connect namespace defaults to <name>.internal."
  }

  assert {
    condition     = length(aws_ecs_cluster_capacity_providers.this.default_capacity_provider_strategy) == 1
    error_message = "Only on-demand Fargate by default."
  }
}

run "alb_is_https_only_and_routes_nothing_by_default" {
  command = plan

  assert {
    condition     = aws_lb_listener.https[0].protocol == "HTTPS" && aws_lb_listener.https[0].ssl_policy == "ELBSecurityPolicy-TLS13-1-2-2021-06"
    error_message = "HTTPS listener with a TLS 1.2+/1.3 policy expected."
  }

  assert {
    condition     = aws_lb_listener.https[0].certificate_arn == var.certificate_arn
    error_message = "The given certificate must be used."
  }

  assert {
    condition     = aws_lb_listener.https[0].default_action[0].type == "fixed-response" && aws_lb_listener.https[0].default_action[0].fixed_response[0].status_code == "404"
    error_message = "Unclaimed paths must get a 404, never a service."
  }

  assert {
    condition     = aws_lb_listener.http[0].default_action[0].type == "redirect" && aws_lb_listener.http[0].default_action[0].redirect[0].protocol == "HTTPS" && aws_lb_listener.http[0].default_action[0].redirect[0].status_code == "HTTP_301"
    error_message = "HTTP must redirect to HTTPS."
  }

  assert {
    condition     = aws_lb.this[0].drop_invalid_header_fields && aws_lb.this[0].enable_deletion_protection && !aws_lb.this[0].internal
    error_message = "Public ALB drops invalid headers and is deletion protected by default."
  }

  assert {
    condition     = length(aws_vpc_security_group_ingress_rule.https) == 1 && length(aws_vpc_security_group_ingress_rule.http) == 1
    error_message = "ALB admits 443 and 80 from the client networks only."
  }

  assert {
    condition     = alltrue([for r in concat(values(aws_vpc_security_group_ingress_rule.https), values(aws_vpc_security_group_ingress_rule.http)) : contains([80, 443], r.from_port) && r.from_port == r.to_port])
    error_message = "ALB ingress must be exactly 80 and 443."
  }
}

run "enhanced_insights_and_spot" {
  command = plan

  variables {
    container_insights  = "enhanced"
    fargate_spot_weight = 3
  }

  assert {
    condition     = one([for s in aws_ecs_cluster.this.setting : s.value if s.name == "containerInsights"]) == "enhanced"
    error_message = "Enhanced Container Insights must be settable."
  }

  assert {
    condition     = length(aws_ecs_cluster_capacity_providers.this.default_capacity_provider_strategy) == 2
    error_message = "Spot weight adds FARGATE_SPOT to the default strategy."
  }
}

run "no_alb" {
  command = plan

  variables {
    create_alb      = false
    vpc_id          = null
    certificate_arn = null
  }

  assert {
    condition     = length(aws_lb.this) == 0 && length(aws_security_group.alb) == 0 && output.https_listener_arn == null
    error_message = "create_alb = false creates no load balancer."
  }
}

run "alb_without_certificate_fails" {
  command = plan

  variables {
    certificate_arn = null
  }

  expect_failures = [aws_security_group.alb]
}

run "rejects_tls10_policy" {
  command = plan

  variables {
    ssl_policy = "ELBSecurityPolicy-2016-08"
  }

  expect_failures = [var.ssl_policy]
}

run "rejects_bad_insights" {
  command = plan

  variables {
    container_insights = "on"
  }

  expect_failures = [var.container_insights]
}

run "rejects_long_name" {
  command = plan

  variables {
    name = "a-very-long-cluster-name-that-breaks-alb"
  }

  expect_failures = [var.name]
}

run "rejects_non_acm_certificate" {
  command = plan

  variables {
    certificate_arn = "arn:aws:iam::111122223333:server-certificate/api"
  }

  expect_failures = [var.certificate_arn]
}
