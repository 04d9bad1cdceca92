output "cluster_arn" {
  description = "ARN of the ECS cluster (the ecs-service module's cluster_arn)."
  value       = aws_ecs_cluster.this.arn
}

output "cluster_name" {
  description = "Name of the ECS cluster (the ecs-service module's cluster_name)."
  value       = aws_ecs_cluster.this.name
}

output "service_connect_namespace_arn" {
  description = "ARN of the Cloud Map HTTP namespace of ECS Service Connect."
  value       = aws_service_discovery_http_namespace.this.arn
}

output "service_connect_namespace_name" {
  description = "Name of the Service Connect namespace."
  value       = aws_service_discovery_http_namespace.this.name
}

output "alb_arn" {
  description = "ARN of the public load balancer (null without it)."
  value       = try(aws_lb.this[0].arn, null)
}

output "alb_arn_suffix" {
  description = "ARN suffix of the load balancer, for request-count auto scaling and CloudWatch metrics."
  value       = try(aws_lb.this[0].arn_suffix, null)
}

output "alb_dns_name" {
  description = "DNS name of the load balancer: point the API's DNS record (alias) at it."
  value       = try(aws_lb.this[0].dns_name, null)
}

output "alb_zone_id" {
  description = "Hosted zone of the load balancer, for a Route 53 alias record."
  value       = try(aws_lb.this[0].zone_id, null)
}

output "alb_security_group_id" {
  description = "Security group of the load balancer; services admit it on their container port."
  value       = try(aws_security_group.alb[0].id, null)
}

output "https_listener_arn" {
  description = "HTTPS listener where services add rules for their public paths."
  value       = try(aws_lb_listener.https[0].arn, null)
}

output "http_listener_arn" {
  description = "HTTP listener (redirects to HTTPS)."
  value       = try(aws_lb_listener.http[0].arn, null)
}
