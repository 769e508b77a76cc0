#!/usr/bin/env python3
"""Writes the HPA benchmark platform: 1,000 m5.2xlarge nodes, 1,000 Deployments of 30 pods (30,000 pods), each
with a Service and an HPA (CPU 70%, 20-40 replicas), and a 24-hour scenario with a diurnal load and a spike.

    python3 bin/lib/hpa-bench.py OUT_DIR
    bin/sandtable run OUT_DIR/platform --scenario OUT_DIR/day.yaml
"""
import os
import sys

out = sys.argv[1] if len(sys.argv) > 1 else "/tmp/hpa-bench"
deployments = int(sys.argv[2]) if len(sys.argv) > 2 else 1000
replicas = 30
nodes = deployments  # one node per 30 pods at 200m each: 75% of the CPU requested at the start
os.makedirs(out + "/platform", exist_ok=True)
with open(out + "/platform/pool.yaml", "w") as f:
    f.write(f"""apiVersion: sandtable.dev/v1alpha1
kind: NodePool
metadata:
  name: general
spec:
  provider: eks
  instanceType: m5.2xlarge
  initialCount: {nodes}
  maxPods: 110
  zones: [us-east-1a, us-east-1b, us-east-1c]
""")
with open(out + "/platform/apps.yaml", "w") as f:
    docs = []
    for i in range(deployments):
        n = f"app-{i:04d}"
        docs.append(f"""apiVersion: apps/v1
kind: Deployment
metadata: {{name: {n}, namespace: bench}}
spec:
  replicas: {replicas}
  selector: {{matchLabels: {{app: {n}}}}}
  template:
    metadata: {{labels: {{app: {n}}}}}
    spec:
      containers:
        - name: app
          image: registry.example/app:1
          resources: {{requests: {{cpu: 200m, memory: 256Mi}}, limits: {{cpu: 400m, memory: 512Mi}}}}
---
apiVersion: v1
kind: Service
metadata: {{name: {n}, namespace: bench}}
spec:
  selector: {{app: {n}}}
  ports: [{{port: 80}}]
---
apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata: {{name: {n}, namespace: bench}}
spec:
  scaleTargetRef: {{apiVersion: apps/v1, kind: Deployment, name: {n}}}
  minReplicas: 20
  maxReplicas: 40
  metrics:
    - {{type: Resource, resource: {{name: cpu, target: {{type: Utilization, averageUtilization: 70}}}}}}""")
    f.write("\n---\n".join(docs) + "\n")
with open(out + "/day.yaml", "w") as f:
    f.write("""apiVersion: sandtable.dev/v1alpha1
kind: Scenario
metadata: {name: hpa-bench-day}
spec:
  duration: 24h
  resolution: 1m
  seed: 1
  load:
""")
    for i in range(deployments):
        f.write(f"""    - service: bench/app-{i:04d}
      profile: [{{diurnal: {{base: 1500, peak: 4000, peakHour: 14}}}}, {{spike: {{at: 12h, duration: 30m, rps: 3000}}}}]
      usage: {{cpuPerRequest: 1m, memoryBase: 150Mi}}
""")
    f.write("""  expectations:
    - name: every HPA stays within its bounds
      expression: max(hpa[bench/app-0000].desired) <= 40
""")
print(out)
