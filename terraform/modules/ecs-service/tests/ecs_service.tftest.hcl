mock_provider "aws" {
  mock_data "aws_region" {
    defaults = { name = "eu-west-1" }
  }
  mock_data "aws_caller_identity" {
    defaults = { account_id = "111122223333" }
  }
  mock_data "aws_partition" {
    defaults = { partition = "aws" }
  }
  mock_resource "aws_cloudwatch_log_group" {
    override_during = plan
    defaults        = { arn = "arn:aws:logs:eu-west-1:111122223333:log-group:/ecs/commerce-test/catalog-service" }
  }
  mock_resource "aws_lb_target_group" {
    override_during = plan
    defaults = {
      arn        = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:targetgroup/commerce-test-catalog/0123456789abcdef"
      arn_suffix = "targetgroup/commerce-test-catalog/0123456789abcdef"
    }
  }
}

# Different ARNs for the two roles, so a task definition that swapped them would show.
override_resource {
  target          = aws_iam_role.task
  override_during = plan
  values          = { arn = "arn:aws:iam::111122223333:role/commerce-test-catalog-service-task", id = "commerce-test-catalog-service-task" }
}

override_resource {
  target          = aws_iam_role.execution
  override_during = plan
  values          = { arn = "arn:aws:iam::111122223333:role/commerce-test-catalog-service-exec", id = "commerce-test-catalog-service-exec" }
}

variables {
  name               = "catalog-service"
  cluster_name       = "commerce-test"
  cluster_arn        = "arn:aws:ecs:eu-west-1:111122223333:cluster/commerce-test"
  subnet_ids         = ["subnet-0aaaaaaaaaaaaaaa1", "subnet-0bbbbbbbbbbbbbbb2"]
  security_group_id  = "sg-0catalog000000001"
  image              = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/commerce/catalog-service:1.0.0"
  ecr_repository_arn = "arn:aws:ecr:eu-west-1:111122223333:repository/commerce/catalog-service"
  container_port     = 8080

  environment = {
    CATALOG_TABLE = "commerce-test-catalog"
    AWS_REGION    = "eu-west-1"
    JWT_ISSUER    = "https://idp.example.com"
    MEDIA_URL     = "http://media-service:8080"
  }

  secrets = {
    OIDC_CLIENT_SECRET = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:commerce-test/oauth-clients/catalog-service-AbCdEf"
    CURSOR_SIGNING_KEY = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:commerce-test/app-keys-GhIjKl:cursor::"
  }
  secret_kms_key_arns = ["arn:aws:kms:eu-west-1:111122223333:key/1234abcd-12ab-34cd-56ef-1234567890ab"]

  task_role_policy_arns = { data = "arn:aws:iam::111122223333:policy/commerce-test-catalog-service" }

  ingress_from_security_group_ids = {
    "order-service"   = "sg-0order0000000001"
    "session-service" = "sg-0session00000001"
  }

  service_connect = {
    namespace_arn = "arn:aws:servicediscovery:eu-west-1:111122223333:namespace/ns-abcdefghijklmnop"
  }

  load_balancer = {
    vpc_id                = "vpc-0123456789abcdef0"
    listener_arn          = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:listener/app/commerce-test-api/0123456789abcdef/0123456789abcdef"
    alb_arn_suffix        = "app/commerce-test-api/0123456789abcdef"
    alb_security_group_id = "sg-0alb0000000000001"
    path_patterns         = ["/products", "/products/*", "/categories", "/categories/*"]
    priority              = 100
  }
}

run "service_is_private_and_self_healing" {
  command = plan

  assert {
    condition     = aws_ecs_service.this[0].network_configuration[0].assign_public_ip == false
    error_message = "Tasks must never get a public IP."
  }

  assert {
    condition     = toset(aws_ecs_service.this[0].network_configuration[0].subnets) == toset(var.subnet_ids)
    error_message = "Tasks run in the given private subnets."
  }

  assert {
    condition     = contains(aws_ecs_service.this[0].network_configuration[0].security_groups, "sg-0catalog000000001")
    error_message = "Tasks carry the service's own security group (the one its data store admits)."
  }

  assert {
    condition     = aws_ecs_service.this[0].deployment_circuit_breaker[0].enable && aws_ecs_service.this[0].deployment_circuit_breaker[0].rollback
    error_message = "Deployment circuit breaker with rollback must be on."
  }

  assert {
    condition     = aws_ecs_service.this[0].launch_type == "FARGATE" && aws_ecs_task_definition.this.network_mode == "awsvpc" && contains(aws_ecs_task_definition.this.requires_compatibilities, "FARGATE")
    error_message = "Fargate with awsvpc networking expected."
  }

  assert {
    condition     = aws_ecs_service.this[0].enable_execute_command == false && length(aws_iam_role_policy.exec_command) == 0
    error_message = "ECS Exec must be off by default."
  }
}

run "container_definition" {
  command = plan

  assert {
    condition     = strcontains(jsonencode(jsondecode(aws_ecs_task_definition.this.container_definitions)[0].healthCheck.command), "/q/health/ready")
    error_message = "Container health check must probe /q/health/ready."
  }

  assert {
    condition     = toset([for e in jsondecode(aws_ecs_task_definition.this.container_definitions)[0].environment : e.name]) == toset(["AWS_REGION", "CATALOG_TABLE", "JWT_ISSUER", "MEDIA_URL", "PORT"])
    error_message = "Environment must be exactly the given variables plus PORT."
  }

  assert {
    condition     = one([for e in jsondecode(aws_ecs_task_definition.this.container_definitions)[0].environment : e.value if e.name == "PORT"]) == "8080"
    error_message = "PORT must be the container port."
  }

  assert {
    condition     = alltrue([for s in jsondecode(aws_ecs_task_definition.this.container_definitions)[0].secrets : startswith(s.valueFrom, "arn:aws:secretsmanager:")])
    error_message = "Secrets must be references to Secrets Manager, never values."
  }

  assert {
    condition     = toset([for s in jsondecode(aws_ecs_task_definition.this.container_definitions)[0].secrets : s.name]) == toset(["CURSOR_SIGNING_KEY", "OIDC_CLIENT_SECRET"])
    error_message = "Secret names must come from the input."
  }

  assert {
    condition     = jsondecode(aws_ecs_task_definition.this.container_definitions)[0].readonlyRootFilesystem == true
    error_message = "Root file system must be read-only by default."
  }

  assert {
    condition     = jsondecode(aws_ecs_task_definition.this.container_definitions)[0].logConfiguration.logDriver == "awslogs"
    error_message = "Logs go to CloudWatch."
  }

  assert {
    condition     = aws_cloudwatch_log_group.this.retention_in_days == 90
    error_message = "Log group must have a retention."
  }

  assert {
    condition     = jsondecode(aws_ecs_task_definition.this.container_definitions)[0].portMappings[0].name == "http" && jsondecode(aws_ecs_task_definition.this.container_definitions)[0].portMappings[0].appProtocol == "http"
    error_message = "The port mapping is named for Service Connect."
  }
}

run "execution_role_reads_exactly_the_secrets" {
  command = plan

  assert {
    condition = toset(one([for s in jsondecode(aws_iam_role_policy.execution.policy).Statement : s.Resource if s.Sid == "Secrets"])) == toset([
      "arn:aws:secretsmanager:eu-west-1:111122223333:secret:commerce-test/oauth-clients/catalog-service-AbCdEf",
      "arn:aws:secretsmanager:eu-west-1:111122223333:secret:commerce-test/app-keys-GhIjKl",
    ])
    error_message = "Execution role must read exactly the given secrets (JSON key suffixes stripped)."
  }

  assert {
    condition     = one([for s in jsondecode(aws_iam_role_policy.execution.policy).Statement : s.Action if s.Sid == "Secrets"]) == ["secretsmanager:GetSecretValue"]
    error_message = "Only GetSecretValue on secrets."
  }

  assert {
    condition     = alltrue(flatten([for s in jsondecode(aws_iam_role_policy.execution.policy).Statement : [for a in s.Action : !strcontains(a, "*")]]))
    error_message = "No wildcard actions in the execution role."
  }

  assert {
    condition     = alltrue([for s in jsondecode(aws_iam_role_policy.execution.policy).Statement : s.Action == ["ecr:GetAuthorizationToken"] if contains(s.Resource, "*")])
    error_message = "Only ecr:GetAuthorizationToken may use Resource *."
  }

  assert {
    condition     = one([for s in jsondecode(aws_iam_role_policy.execution.policy).Statement : s.Resource if s.Sid == "ImagePull"]) == [var.ecr_repository_arn]
    error_message = "Image pull is scoped to the service's repository."
  }

  assert {
    condition     = one([for s in jsondecode(aws_iam_role_policy.execution.policy).Statement : s.Condition.StringEquals["kms:ViaService"] if s.Sid == "SecretKeys"]) == ["secretsmanager.eu-west-1.amazonaws.com", "ssm.eu-west-1.amazonaws.com"]
    error_message = "KMS decrypt only through Secrets Manager / SSM."
  }
}

run "task_role_uses_service_iam_policy" {
  command = plan

  assert {
    condition     = aws_iam_role_policy_attachment.task["data"].policy_arn == "arn:aws:iam::111122223333:policy/commerce-test-catalog-service"
    error_message = "Task role must carry the service-iam policy."
  }

  assert {
    condition     = length(aws_iam_role_policy_attachment.task) == 1 && length(aws_iam_role_policy.task) == 0
    error_message = "Nothing but the given policy on the task role."
  }

  assert {
    condition     = length(jsondecode(aws_iam_role.task.assume_role_policy).Statement) == 1 && jsondecode(aws_iam_role.task.assume_role_policy).Statement[0].Principal.Service == "ecs-tasks.amazonaws.com" && jsondecode(aws_iam_role.task.assume_role_policy).Statement[0].Condition.StringEquals["aws:SourceAccount"] == "111122223333"
    error_message = "Task role trusts only ECS tasks of this account."
  }

  assert {
    condition     = aws_ecs_task_definition.this.task_role_arn == "arn:aws:iam::111122223333:role/commerce-test-catalog-service-task" && aws_ecs_task_definition.this.execution_role_arn == "arn:aws:iam::111122223333:role/commerce-test-catalog-service-exec"
    error_message = "The task definition must run the container with the task role and start it with the execution role, not the other way round."
  }
}

run "security_groups_are_chained" {
  command = plan

  assert {
    condition     = aws_vpc_security_group_ingress_rule.from_alb[0].referenced_security_group_id == "sg-0alb0000000000001" && aws_vpc_security_group_ingress_rule.from_alb[0].security_group_id == "sg-0catalog000000001" && aws_vpc_security_group_ingress_rule.from_alb[0].from_port == 8080 && aws_vpc_security_group_ingress_rule.from_alb[0].to_port == 8080
    error_message = "Service admits the ALB security group on the container port only."
  }

  assert {
    condition     = aws_vpc_security_group_egress_rule.alb_to_service[0].security_group_id == "sg-0alb0000000000001" && aws_vpc_security_group_egress_rule.alb_to_service[0].referenced_security_group_id == "sg-0catalog000000001"
    error_message = "ALB egress goes only to the service security group."
  }

  assert {
    condition     = toset([for r in aws_vpc_security_group_ingress_rule.from_callers : r.referenced_security_group_id]) == toset(["sg-0order0000000001", "sg-0session00000001"])
    error_message = "Service admits exactly its callers' security groups."
  }

  assert {
    condition     = alltrue([for r in concat(aws_vpc_security_group_ingress_rule.from_alb, values(aws_vpc_security_group_ingress_rule.from_callers)) : r.cidr_ipv4 == null])
    error_message = "No CIDR-based ingress on service security groups."
  }
}

run "load_balancer_routes_only_public_paths" {
  command = plan

  assert {
    condition     = length(aws_lb_listener_rule.this) == 1 && toset(flatten([for c in aws_lb_listener_rule.this["0"].condition : [for p in c.path_pattern : p.values]])) == toset(["/products", "/products/*", "/categories", "/categories/*"])
    error_message = "Listener rule forwards only the public paths."
  }

  assert {
    condition     = aws_lb_target_group.this[0].target_type == "ip" && aws_lb_target_group.this[0].health_check[0].path == "/q/health/ready"
    error_message = "IP target group with readiness health check."
  }

  assert {
    condition     = can(regex("^commerce-test-catalog-[0-9a-f]{8}$", aws_lb_target_group.this[0].name))
    error_message = "Target group name derives from cluster and service, plus a hash of the settings that replace it."
  }
}

# create_before_destroy on a target group needs a new name whenever it is
# replaced: a fixed name would collide with the group it replaces.
run "target_group_name_changes_with_a_replacing_setting" {
  command = plan

  variables {
    container_port = 8081
  }

  assert {
    condition     = can(regex("^commerce-test-catalog-[0-9a-f]{8}$", aws_lb_target_group.this[0].name)) && aws_lb_target_group.this[0].name != "commerce-test-catalog-${substr(sha1(jsonencode({ port = 8080, protocol = "HTTP", protocol_version = "HTTP1", target_type = "ip", vpc_id = "vpc-0123456789abcdef0" })), 0, 8)}"
    error_message = "A new port must give the replacing target group a new name."
  }

  assert {
    condition     = length(aws_lb_target_group.this[0].name) <= 32
    error_message = "Target group names are at most 32 characters."
  }
}

run "autoscaling_on_cpu_and_requests" {
  command = plan

  assert {
    condition     = aws_appautoscaling_target.this[0].min_capacity == 2 && aws_appautoscaling_target.this[0].max_capacity == 6 && aws_appautoscaling_target.this[0].resource_id == "service/commerce-test/catalog-service"
    error_message = "Scalable target on the service's desired count."
  }

  assert {
    condition     = aws_appautoscaling_policy.cpu[0].target_tracking_scaling_policy_configuration[0].predefined_metric_specification[0].predefined_metric_type == "ECSServiceAverageCPUUtilization"
    error_message = "CPU target tracking expected."
  }

  assert {
    condition     = aws_appautoscaling_policy.requests[0].target_tracking_scaling_policy_configuration[0].predefined_metric_specification[0].predefined_metric_type == "ALBRequestCountPerTarget" && aws_appautoscaling_policy.requests[0].target_tracking_scaling_policy_configuration[0].predefined_metric_specification[0].resource_label == "app/commerce-test-api/0123456789abcdef/targetgroup/commerce-test-catalog/0123456789abcdef"
    error_message = "Request-count target tracking on this target group expected."
  }
}

run "service_connect" {
  command = plan

  assert {
    condition     = aws_ecs_service.this[0].service_connect_configuration[0].enabled && aws_ecs_service.this[0].service_connect_configuration[0].service[0].port_name == "http" && aws_ecs_service.this[0].service_connect_configuration[0].service[0].client_alias[0].dns_name == "catalog-service"
    error_message = "Service Connect exposes the service as catalog-service."
  }

  assert {
    condition     = output.service_connect_url == "http://catalog-service:8080"
    error_message = "Service Connect URL output."
  }
}

run "media_in_efs_mode" {
  command = plan

  variables {
    name  = "media-service"
    image = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/commerce/media-service@sha256:0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdef"
    environment = {
      MEDIA_STORE    = "efs"
      MEDIA_EFS_ROOT = "/mnt/efs/media"
    }
    efs_volume = {
      file_system_id  = "fs-0123456789abcdef0"
      access_point_id = "fsap-0123456789abcdef0"
    }
    load_balancer                   = null
    ingress_from_security_group_ids = {}
  }

  assert {
    condition     = one([for v in aws_ecs_task_definition.this.volume : v.efs_volume_configuration[0].transit_encryption if v.name == "efs"]) == "ENABLED"
    error_message = "EFS volume must use TLS."
  }

  assert {
    condition     = one([for v in aws_ecs_task_definition.this.volume : v.efs_volume_configuration[0].authorization_config[0].iam if v.name == "efs"]) == "ENABLED"
    error_message = "EFS volume must use IAM authorization."
  }

  assert {
    condition     = one([for v in aws_ecs_task_definition.this.volume : v.efs_volume_configuration[0].authorization_config[0].access_point_id if v.name == "efs"]) == "fsap-0123456789abcdef0"
    error_message = "EFS volume must mount through the access point."
  }

  assert {
    condition     = contains([for m in jsondecode(aws_ecs_task_definition.this.container_definitions)[0].mountPoints : m.containerPath], "/mnt/efs/media")
    error_message = "The volume is mounted where MEDIA_EFS_ROOT points."
  }

  assert {
    condition     = length(aws_lb_target_group.this) == 0 && length(aws_lb_listener_rule.this) == 0 && length(aws_vpc_security_group_ingress_rule.from_alb) == 0 && length(aws_appautoscaling_policy.requests) == 0
    error_message = "Without load balancer: no target group, rules, ALB ingress or request scaling."
  }

  assert {
    condition     = aws_ecs_service.this[0].network_configuration[0].assign_public_ip == false
    error_message = "Tasks must never get a public IP."
  }
}

run "many_paths_split_into_rules" {
  command = plan

  variables {
    load_balancer = {
      vpc_id                = "vpc-0123456789abcdef0"
      listener_arn          = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:listener/app/commerce-test-api/0123456789abcdef/0123456789abcdef"
      alb_arn_suffix        = "app/commerce-test-api/0123456789abcdef"
      alb_security_group_id = "sg-0alb0000000000001"
      path_patterns         = ["/sessions", "/sessions/*", "/cart", "/cart/*", "/events", "/trending", "/subjects/*"]
      priority              = 300
    }
  }

  assert {
    condition     = length(aws_lb_listener_rule.this) == 2 && aws_lb_listener_rule.this["0"].priority == 300 && aws_lb_listener_rule.this["1"].priority == 301
    error_message = "Seven paths need two rules with consecutive priorities."
  }
}

run "no_autoscaling" {
  command = plan

  variables {
    autoscaling = null
  }

  assert {
    condition     = length(aws_appautoscaling_target.this) == 0 && length(aws_appautoscaling_policy.cpu) == 0
    error_message = "autoscaling = null disables scaling."
  }
}

run "rejects_literal_secret" {
  command = plan

  variables {
    secrets = { OIDC_CLIENT_SECRET = "s3cr3t-value" }
  }

  expect_failures = [var.secrets]
}

run "rejects_secret_in_environment" {
  command = plan

  variables {
    environment = { OIDC_CLIENT_SECRET = "s3cr3t-value" }
  }

  expect_failures = [var.environment]
}

run "rejects_latest_image" {
  command = plan

  variables {
    image = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/commerce/catalog-service:latest"
  }

  expect_failures = [var.image]
}

run "rejects_untagged_image" {
  command = plan

  variables {
    image = "111122223333.dkr.ecr.eu-west-1.amazonaws.com/commerce/catalog-service"
  }

  expect_failures = [var.image]
}

run "rejects_internal_path_on_alb" {
  command = plan

  variables {
    load_balancer = {
      vpc_id                = "vpc-0123456789abcdef0"
      listener_arn          = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:listener/app/x/0123456789abcdef/0123456789abcdef"
      alb_arn_suffix        = "app/x/0123456789abcdef"
      alb_security_group_id = "sg-0alb0000000000001"
      path_patterns         = ["/products", "/internal/*"]
      priority              = 100
    }
  }

  expect_failures = [var.load_balancer]
}

run "rejects_catch_all_path" {
  command = plan

  variables {
    load_balancer = {
      vpc_id                = "vpc-0123456789abcdef0"
      listener_arn          = "arn:aws:elasticloadbalancing:eu-west-1:111122223333:listener/app/x/0123456789abcdef/0123456789abcdef"
      alb_arn_suffix        = "app/x/0123456789abcdef"
      alb_security_group_id = "sg-0alb0000000000001"
      path_patterns         = ["/*"]
      priority              = 100
    }
  }

  expect_failures = [var.load_balancer]
}

run "rejects_invalid_fargate_size" {
  command = plan

  variables {
    cpu    = 256
    memory = 4096
  }

  expect_failures = [var.memory]
}

# 16 vCPU tasks take memory in 8 GiB steps only: 36 GiB would be rejected by ECS at apply time.
run "rejects_16_vcpu_memory_off_the_8_gib_steps" {
  command = plan

  variables {
    cpu    = 16384
    memory = 36864
  }

  expect_failures = [var.memory]
}

run "accepts_16_vcpu_memory_on_the_8_gib_steps" {
  command = plan

  variables {
    cpu    = 16384
    memory = 40960
  }

  assert {
    condition     = aws_ecs_task_definition.this.cpu == "16384" && aws_ecs_task_definition.this.memory == "40960"
    error_message = "16 vCPU with 40 GiB is a valid Fargate size."
  }
}

run "rejects_min_above_max" {
  command = plan

  variables {
    autoscaling = { min_capacity = 5, max_capacity = 2 }
  }

  expect_failures = [var.autoscaling]
}

run "rejects_env_and_secret_overlap" {
  command = plan

  variables {
    environment = { CURSOR_SIGNING_KEY_ID = "x", OIDC_CLIENT_SECRET_FILE = "y" }
    secrets = {
      OIDC_CLIENT_SECRET_FILE = "arn:aws:secretsmanager:eu-west-1:111122223333:secret:x-AbCdEf"
    }
  }

  expect_failures = [var.secrets]
}

run "rejects_bad_efs_ids" {
  command = plan

  variables {
    efs_volume = { file_system_id = "fs-0123456789abcdef0", access_point_id = "0123" }
  }

  expect_failures = [var.efs_volume]
}

run "rejects_privileged_port" {
  command = plan

  variables {
    container_port = 80
  }

  expect_failures = [var.container_port]
}

run "ssm_parameter_and_exec" {
  command = plan

  variables {
    secrets = {
      OIDC_CLIENT_SECRET = "arn:aws:ssm:eu-west-1:111122223333:parameter/commerce-test/oauth-clients/catalog-service"
    }
    secret_kms_key_arns    = []
    enable_execute_command = true
    ecr_repository_arn     = null
  }

  assert {
    condition     = one([for s in jsondecode(aws_iam_role_policy.execution.policy).Statement : s.Resource if s.Sid == "Parameters"]) == ["arn:aws:ssm:eu-west-1:111122223333:parameter/commerce-test/oauth-clients/catalog-service"]
    error_message = "SSM parameters are readable exactly."
  }

  assert {
    condition     = length([for s in jsondecode(aws_iam_role_policy.execution.policy).Statement : s if contains(["Secrets", "SecretKeys", "RegistryAuth", "ImagePull"], s.Sid)]) == 0
    error_message = "No secret, key or registry permissions that were not asked for."
  }

  assert {
    condition     = aws_ecs_service.this[0].enable_execute_command && length(aws_iam_role_policy.exec_command) == 1
    error_message = "ECS Exec adds the SSM messages permissions."
  }
}

run "one_shot_task_without_service" {
  command = plan

  variables {
    name                            = "order-db-migration"
    create_service                  = false
    health_check                    = null
    load_balancer                   = null
    autoscaling                     = null
    service_connect                 = null
    ingress_from_security_group_ids = {}
  }

  assert {
    condition     = length(aws_ecs_service.this) == 0 && length(aws_appautoscaling_target.this) == 0 && output.service_name == null
    error_message = "A one-shot task has a task definition but no service."
  }

  assert {
    condition     = aws_ecs_task_definition.this.family == "commerce-test-order-db-migration" && !contains(keys(jsondecode(aws_ecs_task_definition.this.container_definitions)[0]), "healthCheck")
    error_message = "The one-shot task's definition exists, without a health check (it exits when done)."
  }
}

run "rejects_one_shot_task_behind_a_load_balancer" {
  command = plan

  variables {
    create_service = false
  }

  expect_failures = [var.create_service]
}

run "roles_assumable_outside_ecs_only_when_asked" {
  command = plan

  variables {
    additional_assume_role_principal_arns = ["arn:aws:iam::111122223333:user/ci"]
  }

  assert {
    condition = jsondecode(aws_iam_role.task.assume_role_policy).Statement[1] == {
      Sid       = "RunOutsideEcs"
      Effect    = "Allow"
      Principal = { AWS = ["arn:aws:iam::111122223333:user/ci"] }
      Action    = "sts:AssumeRole"
    } && jsondecode(aws_iam_role.execution.assume_role_policy).Statement[1].Principal.AWS == ["arn:aws:iam::111122223333:user/ci"]
    error_message = "The given principals get a statement of their own (the ECS statement keeps its conditions)."
  }
}
