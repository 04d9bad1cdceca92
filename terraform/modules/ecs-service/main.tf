# One microservice on ECS Fargate: task definition, service in private
# subnets (no public IP), task role with the service's least-privilege data
# policy, execution role that reads exactly the given secrets, logs,
# deployment circuit breaker with rollback, Service Connect, optional ALB
# attachment restricted to public paths, optional EFS volume, auto scaling.

data "aws_caller_identity" "current" {}
data "aws_partition" "current" {}
data "aws_region" "current" {}

locals {
  partition = data.aws_partition.current.partition
  region    = data.aws_region.current.name
  account   = data.aws_caller_identity.current.account_id

  prefix = "${var.cluster_name}-${var.name}"

  # Secrets Manager valueFrom may carry :json-key:stage:version; IAM wants the secret ARN.
  secret_arns = distinct([
    for v in values(var.secrets) : join(":", slice(split(":", v), 0, 7)) if can(regex("^arn:[^:]+:secretsmanager:", v))
  ])
  parameter_arns = distinct([for v in values(var.secrets) : v if can(regex("^arn:[^:]+:ssm:", v))])

  health_check_command = var.health_check == null ? null : coalesce(var.health_check.command, [
    "CMD-SHELL",
    "curl -fsS -o /dev/null http://127.0.0.1:${var.container_port}${var.health_check.path} || exit 1",
  ])

  environment = merge(var.environment, { PORT = tostring(var.container_port) })

  service_connect_dns  = var.service_connect == null ? null : coalesce(var.service_connect.dns_name, var.name)
  service_connect_port = var.service_connect == null ? null : coalesce(var.service_connect.port, var.container_port)

  mount_points = concat(
    var.readonly_root_filesystem ? [{ sourceVolume = "tmp", containerPath = "/tmp", readOnly = false }] : [],
    var.efs_volume == null ? [] : [{ sourceVolume = "efs", containerPath = var.efs_volume.container_path, readOnly = var.efs_volume.read_only }],
  )

  health_check = var.health_check == null ? {} : {
    healthCheck = {
      command     = local.health_check_command
      interval    = var.health_check.interval
      timeout     = var.health_check.timeout
      retries     = var.health_check.retries
      startPeriod = var.health_check.start_period
    }
  }

  container_definition = merge(local.health_check, {
    name                   = var.name
    image                  = var.image
    essential              = true
    readonlyRootFilesystem = var.readonly_root_filesystem
    stopTimeout            = var.stop_timeout

    portMappings = [{
      name          = "http"
      containerPort = var.container_port
      hostPort      = var.container_port
      protocol      = "tcp"
      appProtocol   = "http"
    }]

    environment = [for k in sort(keys(local.environment)) : { name = k, value = local.environment[k] }]
    secrets     = [for k in sort(keys(var.secrets)) : { name = k, valueFrom = var.secrets[k] }]


    linuxParameters = {
      initProcessEnabled = true
      capabilities       = { drop = ["ALL"] }
    }

    mountPoints = local.mount_points
    volumesFrom = []

    logConfiguration = {
      logDriver = "awslogs"
      options = {
        awslogs-group         = aws_cloudwatch_log_group.this.name
        awslogs-region        = local.region
        awslogs-stream-prefix = "app"
      }
    }
  })

  lb_chunk_size = var.load_balancer == null ? 5 : (length(var.load_balancer.host_headers) > 0 ? 4 : 5)
  lb_rules = var.load_balancer == null ? {} : {
    for i, paths in chunklist(var.load_balancer.path_patterns, local.lb_chunk_size) : tostring(i) => {
      priority = var.load_balancer.priority + i
      paths    = paths
    }
  }
  # A target group is replaced (create_before_destroy) when one of these
  # changes; its name carries their hash so the new one never collides with
  # the old one still attached to the listener (names are unique per region).
  target_group_identity = var.load_balancer == null ? null : {
    port             = var.container_port
    protocol         = "HTTP"
    protocol_version = "HTTP1"
    target_type      = "ip"
    vpc_id           = var.load_balancer.vpc_id
  }
  target_group_name = var.load_balancer == null ? null : format("%s-%s",
    trimsuffix(substr(coalesce(var.load_balancer.target_group_name_prefix, "${var.cluster_name}-${trimsuffix(var.name, "-service")}"), 0, 23), "-"),
    substr(sha1(jsonencode(local.target_group_identity)), 0, 8),
  )

  autoscaling_enabled  = var.autoscaling != null
  request_scaling      = local.autoscaling_enabled && var.load_balancer != null ? var.autoscaling.requests_per_target != null : false
  memory_scaling       = local.autoscaling_enabled ? var.autoscaling.memory_target != null : false
  autoscaling_resource = "service/${var.cluster_name}/${var.name}"
}

################################################################################
# Logs
################################################################################

resource "aws_cloudwatch_log_group" "this" {
  name              = "/ecs/${var.cluster_name}/${var.name}"
  retention_in_days = var.log_retention_days
  kms_key_id        = var.log_kms_key_arn

  tags = merge(var.tags, { Service = var.name })
}

################################################################################
# Execution role: pull the image, write logs, read exactly the given secrets
################################################################################

locals {
  execution_statements = concat(
    var.ecr_repository_arn == null ? [] : [
      {
        Sid      = "RegistryAuth"
        Effect   = "Allow"
        Action   = ["ecr:GetAuthorizationToken"]
        Resource = ["*"] # the action has no resource-level permissions
      },
      {
        Sid      = "ImagePull"
        Effect   = "Allow"
        Action   = ["ecr:BatchCheckLayerAvailability", "ecr:BatchGetImage", "ecr:GetDownloadUrlForLayer"]
        Resource = [var.ecr_repository_arn]
      },
    ],
    [{
      Sid      = "Logs"
      Effect   = "Allow"
      Action   = ["logs:CreateLogStream", "logs:PutLogEvents"]
      Resource = ["${aws_cloudwatch_log_group.this.arn}:log-stream:*"]
    }],
    length(local.secret_arns) == 0 ? [] : [{
      Sid      = "Secrets"
      Effect   = "Allow"
      Action   = ["secretsmanager:GetSecretValue"]
      Resource = local.secret_arns
    }],
    length(local.parameter_arns) == 0 ? [] : [{
      Sid      = "Parameters"
      Effect   = "Allow"
      Action   = ["ssm:GetParameters"]
      Resource = local.parameter_arns
    }],
    length(var.secret_kms_key_arns) == 0 ? [] : [{
      Sid      = "SecretKeys"
      Effect   = "Allow"
      Action   = ["kms:Decrypt"]
      Resource = var.secret_kms_key_arns
      Condition = {
        StringEquals = {
          "kms:ViaService" = ["secretsmanager.${local.region}.amazonaws.com", "ssm.${local.region}.amazonaws.com"]
        }
      }
    }],
  )

  execution_policy = jsonencode({
    Version   = "2012-10-17"
    Statement = local.execution_statements
  })

  # Only ECS tasks of this account and region may assume the roles.
  ecs_tasks_trust = jsonencode({
    Version = "2012-10-17"
    Statement = concat(
      [{
        Sid       = "EcsTasks"
        Effect    = "Allow"
        Principal = { Service = "ecs-tasks.amazonaws.com" }
        Action    = "sts:AssumeRole"
        Condition = {
          StringEquals = { "aws:SourceAccount" = local.account }
          ArnLike      = { "aws:SourceArn" = "arn:${local.partition}:ecs:${local.region}:${local.account}:*" }
        }
      }],
      length(var.additional_assume_role_principal_arns) == 0 ? [] : [{
        Sid       = "RunOutsideEcs"
        Effect    = "Allow"
        Principal = { AWS = var.additional_assume_role_principal_arns }
        Action    = "sts:AssumeRole"
      }],
    )
  })

  exec_command_policy = jsonencode({
    Version = "2012-10-17"
    Statement = [{
      Sid    = "EcsExec"
      Effect = "Allow"
      Action = [
        "ssmmessages:CreateControlChannel",
        "ssmmessages:CreateDataChannel",
        "ssmmessages:OpenControlChannel",
        "ssmmessages:OpenDataChannel",
      ]
      Resource = ["*"] # the actions have no resource-level permissions
    }]
  })
}

resource "aws_iam_role" "execution" {
  name                 = "${local.prefix}-exec"
  description          = "ECS execution role of ${var.name}: image pull, logs, its secrets"
  assume_role_policy   = local.ecs_tasks_trust
  permissions_boundary = var.permissions_boundary_arn

  tags = merge(var.tags, { Service = var.name })
}

resource "aws_iam_role_policy" "execution" {
  name   = "execution"
  role   = aws_iam_role.execution.id
  policy = local.execution_policy
}

################################################################################
# Task role: the service's own data-store policy (service-iam)
################################################################################

resource "aws_iam_role" "task" {
  name                 = "${local.prefix}-task"
  description          = "Task role of ${var.name}: least-privilege access to its own data store"
  assume_role_policy   = local.ecs_tasks_trust
  permissions_boundary = var.permissions_boundary_arn

  tags = merge(var.tags, { Service = var.name })
}

resource "aws_iam_role_policy_attachment" "task" {
  for_each = var.task_role_policy_arns

  role       = aws_iam_role.task.name
  policy_arn = each.value
}

resource "aws_iam_role_policy" "task" {
  count = var.task_role_policy_json == null ? 0 : 1

  name   = "data-access"
  role   = aws_iam_role.task.id
  policy = var.task_role_policy_json
}

resource "aws_iam_role_policy" "exec_command" {
  count = var.enable_execute_command ? 1 : 0

  name   = "ecs-exec"
  role   = aws_iam_role.task.id
  policy = local.exec_command_policy
}

################################################################################
# Task definition
################################################################################

resource "aws_ecs_task_definition" "this" {
  family                   = local.prefix
  requires_compatibilities = ["FARGATE"]
  network_mode             = "awsvpc"
  cpu                      = var.cpu
  memory                   = var.memory
  execution_role_arn       = aws_iam_role.execution.arn
  task_role_arn            = aws_iam_role.task.arn
  container_definitions    = jsonencode([local.container_definition])

  runtime_platform {
    operating_system_family = "LINUX"
    cpu_architecture        = var.cpu_architecture
  }

  dynamic "volume" {
    for_each = var.readonly_root_filesystem ? [1] : []
    content {
      name = "tmp"
    }
  }

  dynamic "volume" {
    for_each = var.efs_volume == null ? [] : [var.efs_volume]
    content {
      name = "efs"

      efs_volume_configuration {
        file_system_id     = volume.value.file_system_id
        transit_encryption = "ENABLED"

        authorization_config {
          access_point_id = volume.value.access_point_id
          iam             = "ENABLED"
        }
      }
    }
  }

  tags = merge(var.tags, { Service = var.name })
}

################################################################################
# Service
################################################################################

# Before one-shot tasks (create_service = false) the service had no count.
moved {
  from = aws_ecs_service.this
  to   = aws_ecs_service.this[0]
}

resource "aws_ecs_service" "this" {
  count = var.create_service ? 1 : 0

  name             = var.name
  cluster          = var.cluster_arn
  task_definition  = aws_ecs_task_definition.this.arn
  desired_count    = var.desired_count
  launch_type      = length(var.capacity_provider_strategy) == 0 ? "FARGATE" : null
  platform_version = var.platform_version

  dynamic "capacity_provider_strategy" {
    for_each = var.capacity_provider_strategy
    content {
      capacity_provider = capacity_provider_strategy.value.capacity_provider
      weight            = capacity_provider_strategy.value.weight
      base              = capacity_provider_strategy.value.base
    }
  }

  network_configuration {
    subnets          = var.subnet_ids
    security_groups  = concat([var.security_group_id], var.additional_security_group_ids)
    assign_public_ip = false
  }

  deployment_minimum_healthy_percent = var.deployment_minimum_healthy_percent
  deployment_maximum_percent         = var.deployment_maximum_percent

  deployment_circuit_breaker {
    enable   = true
    rollback = true
  }

  deployment_controller {
    type = "ECS"
  }

  health_check_grace_period_seconds = var.load_balancer == null ? null : try(var.health_check.start_period, null)
  enable_ecs_managed_tags           = true
  propagate_tags                    = "SERVICE"
  enable_execute_command            = var.enable_execute_command
  wait_for_steady_state             = var.wait_for_steady_state

  dynamic "load_balancer" {
    for_each = var.load_balancer == null ? [] : [1]
    content {
      target_group_arn = aws_lb_target_group.this[0].arn
      container_name   = var.name
      container_port   = var.container_port
    }
  }

  dynamic "service_connect_configuration" {
    for_each = var.service_connect == null ? [] : [var.service_connect]
    content {
      enabled   = true
      namespace = service_connect_configuration.value.namespace_arn

      service {
        port_name      = "http"
        discovery_name = var.name

        client_alias {
          dns_name = local.service_connect_dns
          port     = local.service_connect_port
        }
      }

      log_configuration {
        log_driver = "awslogs"
        options = {
          awslogs-group         = aws_cloudwatch_log_group.this.name
          awslogs-region        = local.region
          awslogs-stream-prefix = "service-connect"
        }
      }
    }
  }

  tags = merge(var.tags, { Service = var.name })

  lifecycle {
    # Auto scaling owns the task count after creation.
    ignore_changes = [desired_count]
  }

  depends_on = [aws_iam_role_policy.execution, aws_lb_listener_rule.this]
}

################################################################################
# Security group chaining: load balancer → service, callers → service
################################################################################

resource "aws_vpc_security_group_ingress_rule" "from_alb" {
  count = var.load_balancer == null ? 0 : 1

  security_group_id            = var.security_group_id
  description                  = "${var.name} from the public load balancer"
  ip_protocol                  = "tcp"
  from_port                    = var.container_port
  to_port                      = var.container_port
  referenced_security_group_id = var.load_balancer.alb_security_group_id

  tags = var.tags
}

resource "aws_vpc_security_group_egress_rule" "alb_to_service" {
  count = var.load_balancer == null ? 0 : 1

  security_group_id            = var.load_balancer.alb_security_group_id
  description                  = "Load balancer to ${var.name} tasks"
  ip_protocol                  = "tcp"
  from_port                    = var.container_port
  to_port                      = var.container_port
  referenced_security_group_id = var.security_group_id

  tags = var.tags
}

resource "aws_vpc_security_group_ingress_rule" "from_callers" {
  for_each = var.ingress_from_security_group_ids

  security_group_id            = var.security_group_id
  description                  = "${var.name} from ${each.key} (Service Connect)"
  ip_protocol                  = "tcp"
  from_port                    = var.container_port
  to_port                      = var.container_port
  referenced_security_group_id = each.value

  tags = var.tags
}

################################################################################
# Load balancer attachment (public paths only)
################################################################################

resource "aws_lb_target_group" "this" {
  count = var.load_balancer == null ? 0 : 1

  name                 = local.target_group_name
  vpc_id               = var.load_balancer.vpc_id
  target_type          = local.target_group_identity.target_type
  protocol             = local.target_group_identity.protocol
  protocol_version     = local.target_group_identity.protocol_version
  port                 = local.target_group_identity.port
  deregistration_delay = var.load_balancer.deregistration_delay

  health_check {
    enabled             = true
    path                = var.load_balancer.health_check_path
    protocol            = "HTTP"
    port                = "traffic-port"
    matcher             = "200"
    interval            = 15
    timeout             = 5
    healthy_threshold   = 2
    unhealthy_threshold = 3
  }

  tags = merge(var.tags, { Service = var.name })

  lifecycle {
    create_before_destroy = true
  }
}

resource "aws_lb_listener_rule" "this" {
  for_each = local.lb_rules

  listener_arn = var.load_balancer.listener_arn
  priority     = each.value.priority

  action {
    type             = "forward"
    target_group_arn = aws_lb_target_group.this[0].arn
  }

  condition {
    path_pattern {
      values = each.value.paths
    }
  }

  dynamic "condition" {
    for_each = length(var.load_balancer.host_headers) > 0 ? [1] : []
    content {
      host_header {
        values = var.load_balancer.host_headers
      }
    }
  }

  tags = merge(var.tags, { Service = var.name })
}

################################################################################
# Auto scaling
################################################################################

resource "aws_appautoscaling_target" "this" {
  count = local.autoscaling_enabled ? 1 : 0

  service_namespace  = "ecs"
  scalable_dimension = "ecs:service:DesiredCount"
  resource_id        = local.autoscaling_resource
  min_capacity       = var.autoscaling.min_capacity
  max_capacity       = var.autoscaling.max_capacity

  tags = var.tags

  depends_on = [aws_ecs_service.this]
}

resource "aws_appautoscaling_policy" "cpu" {
  count = local.autoscaling_enabled ? 1 : 0

  name               = "${local.prefix}-cpu"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.this[0].service_namespace
  scalable_dimension = aws_appautoscaling_target.this[0].scalable_dimension
  resource_id        = aws_appautoscaling_target.this[0].resource_id

  target_tracking_scaling_policy_configuration {
    target_value       = var.autoscaling.cpu_target
    scale_in_cooldown  = var.autoscaling.scale_in_cooldown
    scale_out_cooldown = var.autoscaling.scale_out_cooldown

    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageCPUUtilization"
    }
  }
}

resource "aws_appautoscaling_policy" "memory" {
  count = local.memory_scaling ? 1 : 0

  name               = "${local.prefix}-memory"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.this[0].service_namespace
  scalable_dimension = aws_appautoscaling_target.this[0].scalable_dimension
  resource_id        = aws_appautoscaling_target.this[0].resource_id

  target_tracking_scaling_policy_configuration {
    target_value       = var.autoscaling.memory_target
    scale_in_cooldown  = var.autoscaling.scale_in_cooldown
    scale_out_cooldown = var.autoscaling.scale_out_cooldown

    predefined_metric_specification {
      predefined_metric_type = "ECSServiceAverageMemoryUtilization"
    }
  }
}

resource "aws_appautoscaling_policy" "requests" {
  count = local.request_scaling ? 1 : 0

  name               = "${local.prefix}-requests"
  policy_type        = "TargetTrackingScaling"
  service_namespace  = aws_appautoscaling_target.this[0].service_namespace
  scalable_dimension = aws_appautoscaling_target.this[0].scalable_dimension
  resource_id        = aws_appautoscaling_target.this[0].resource_id

  target_tracking_scaling_policy_configuration {
    target_value       = var.autoscaling.requests_per_target
    scale_in_cooldown  = var.autoscaling.scale_in_cooldown
    scale_out_cooldown = var.autoscaling.scale_out_cooldown

    predefined_metric_specification {
      predefined_metric_type = "ALBRequestCountPerTarget"
      resource_label         = "${var.load_balancer.alb_arn_suffix}/${aws_lb_target_group.this[0].arn_suffix}"
    }
  }
}
