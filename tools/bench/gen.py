#!/usr/bin/env python3
"""Generates synthetic inputs for the benchmark (tools/bench/bench.py).

  gen.py tree DIR [--services 50]   a Kustomize tree: N services x 3 environments, with components,
                                    patches, images, replicas and configMapGenerators (~2,000 resources
                                    across the three overlays for 50 services)
  gen.py stream FILE [--count 50000] a flat multi-document stream of mixed kinds

Deterministic: the same arguments give the same bytes.
"""
import argparse
import os
import random

ENVS = ("dev", "staging", "prod")


def write(path, text):
    os.makedirs(os.path.dirname(path), exist_ok=True)
    with open(path, "w", encoding="utf-8") as f:
        f.write(text)


def deployment(name, image, port):
    return f"""apiVersion: apps/v1
kind: Deployment
metadata:
  name: {name}
spec:
  replicas: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: {name}
  template:
    metadata:
      labels:
        app.kubernetes.io/name: {name}
    spec:
      serviceAccountName: {name}
      automountServiceAccountToken: false
      securityContext:
        runAsNonRoot: true
        runAsUser: 10001
        seccompProfile:
          type: RuntimeDefault
      containers:
      - name: app
        image: {image}:1.0.0
        ports:
        - name: http
          containerPort: {port}
        envFrom:
        - configMapRef:
            name: {name}-config
        env:
        - name: LOG_LEVEL
          value: info
        - name: PORT
          value: "{port}"
        readinessProbe:
          httpGet:
            path: /ready
            port: http
        livenessProbe:
          httpGet:
            path: /health
            port: http
        resources:
          requests:
            cpu: 50m
            memory: 64Mi
          limits:
            memory: 128Mi
        securityContext:
          allowPrivilegeEscalation: false
          readOnlyRootFilesystem: true
          capabilities:
            drop: [ALL]
        volumeMounts:
        - name: tmp
          mountPath: /tmp
      volumes:
      - name: tmp
        emptyDir: {{}}
"""


def base_service(root, i):
    name = f"svc{i:03d}"
    port = 8000 + i
    d = os.path.join(root, "base", name)
    write(os.path.join(d, "deployment.yaml"), deployment(name, f"ghcr.io/bench/{name}", port))
    write(os.path.join(d, "service.yaml"), f"""apiVersion: v1
kind: Service
metadata:
  name: {name}
spec:
  selector:
    app.kubernetes.io/name: {name}
  ports:
  - name: http
    port: 80
    targetPort: http
""")
    write(os.path.join(d, "rbac.yaml"), f"""apiVersion: v1
kind: ServiceAccount
metadata:
  name: {name}
automountServiceAccountToken: false
---
apiVersion: rbac.authorization.k8s.io/v1
kind: Role
metadata:
  name: {name}
rules:
- apiGroups: [""]
  resources: [configmaps]
  verbs: [get, list]
---
apiVersion: rbac.authorization.k8s.io/v1
kind: RoleBinding
metadata:
  name: {name}
roleRef:
  apiGroup: rbac.authorization.k8s.io
  kind: Role
  name: {name}
subjects:
- kind: ServiceAccount
  name: {name}
""")
    write(os.path.join(d, "policy.yaml"), f"""apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {name}
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: {name}
  policyTypes: [Ingress]
  ingress:
  - ports:
    - port: {port}
""")
    write(os.path.join(d, "extra.yaml"), f"""apiVersion: networking.k8s.io/v1
kind: Ingress
metadata:
  name: {name}
spec:
  rules:
  - host: {name}.bench.example.com
    http:
      paths:
      - path: /
        pathType: Prefix
        backend:
          service:
            name: {name}
            port:
              name: http
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: {name}-defaults
data:
  defaults.yaml: |
    retries: 3
    timeout: 30s
---
apiVersion: networking.k8s.io/v1
kind: NetworkPolicy
metadata:
  name: {name}-egress
spec:
  podSelector:
    matchLabels:
      app.kubernetes.io/name: {name}
  policyTypes: [Egress]
  egress:
  - ports:
    - port: 53
      protocol: UDP
---
apiVersion: batch/v1
kind: CronJob
metadata:
  name: {name}-cleanup
spec:
  schedule: "0 3 * * *"
  jobTemplate:
    spec:
      template:
        spec:
          restartPolicy: OnFailure
          containers:
          - name: cleanup
            image: ghcr.io/bench/{name}:1.0.0
            args: [cleanup]
""")
    write(os.path.join(d, "config.env"), f"SERVICE={name}\nFEATURE_X=true\nTIMEOUT=30s\n")
    write(os.path.join(d, "kustomization.yaml"), f"""resources:
- deployment.yaml
- service.yaml
- rbac.yaml
- policy.yaml
- extra.yaml
configMapGenerator:
- name: {name}-config
  envs:
  - config.env
  literals:
  - OWNER=team-{i % 7}
""")


def components(root):
    write(os.path.join(root, "components", "autoscaling", "kustomization.yaml"), """apiVersion: kustomize.config.k8s.io/v1alpha1
kind: Component
resources:
- hpa.yaml
""")
    write(os.path.join(root, "components", "availability", "kustomization.yaml"), """apiVersion: kustomize.config.k8s.io/v1alpha1
kind: Component
resources:
- pdb.yaml
patches:
- target:
    kind: Deployment
  patch: |-
    - op: add
      path: /spec/template/spec/topologySpreadConstraints
      value:
      - maxSkew: 1
        topologyKey: kubernetes.io/hostname
        whenUnsatisfiable: ScheduleAnyway
        labelSelector:
          matchLabels:
            app.kubernetes.io/part-of: bench
""")


def overlay(root, env, services):
    d = os.path.join(root, "overlays", env)
    hpas, pdbs = [], []
    for i in range(services):
        name = f"svc{i:03d}"
        hpas.append(f"""apiVersion: autoscaling/v2
kind: HorizontalPodAutoscaler
metadata:
  name: {name}
spec:
  scaleTargetRef:
    apiVersion: apps/v1
    kind: Deployment
    name: {name}
  minReplicas: {2 if env == "prod" else 1}
  maxReplicas: 10
  metrics:
  - type: Resource
    resource:
      name: cpu
      target:
        type: Utilization
        averageUtilization: 70
""")
        pdbs.append(f"""apiVersion: policy/v1
kind: PodDisruptionBudget
metadata:
  name: {name}
spec:
  minAvailable: 1
  selector:
    matchLabels:
      app.kubernetes.io/name: {name}
""")
    comps = os.path.join(root, "components")
    write(os.path.join(comps, "autoscaling", "hpa.yaml"), "---\n".join(hpas))
    write(os.path.join(comps, "availability", "pdb.yaml"), "---\n".join(pdbs))
    res = "\n".join(f"- ../../base/svc{i:03d}" for i in range(services))
    images = "\n".join(f"- name: ghcr.io/bench/svc{i:03d}\n  newTag: 1.{i}.{ENVS.index(env)}" for i in range(services))
    comp = "- ../../components/autoscaling\n" + ("- ../../components/availability\n" if env != "dev" else "")
    write(os.path.join(d, "kustomization.yaml"), f"""namespace: bench-{env}
labels:
- pairs:
    app.kubernetes.io/part-of: bench
    environment: {env}
  includeSelectors: false
  includeTemplates: true
commonAnnotations:
  bench/owner: platform
resources:
{res}
components:
{comp}configMapGenerator:
- name: env-settings
  literals:
  - ENVIRONMENT={env}
images:
{images}
patches:
- target:
    kind: Deployment
    name: svc0[0-4][0-9]
  patch: |-
    apiVersion: apps/v1
    kind: Deployment
    metadata:
      name: any
    spec:
      template:
        spec:
          containers:
          - name: app
            resources:
              requests:
                cpu: {"200m" if env == "prod" else "50m"}
""")


def tree(out, services):
    for i in range(services):
        base_service(out, i)
    components(out)
    for env in ENVS:
        overlay(out, env, services)


KINDS = ("ConfigMap", "Service", "Deployment", "ServiceAccount", "Role")


def stream(out, count):
    rnd = random.Random(42)
    os.makedirs(os.path.dirname(os.path.abspath(out)), exist_ok=True)
    with open(out, "w", encoding="utf-8") as f:
        for i in range(count):
            if i:
                f.write("---\n")
            kind = KINDS[i % len(KINDS)]
            name = f"r{i:06d}"
            if kind == "ConfigMap":
                f.write(f"apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: {name}\n  namespace: ns{i % 20}\ndata:\n  key: v{rnd.randint(0, 9999)}\n")
            elif kind == "Service":
                f.write(f"apiVersion: v1\nkind: Service\nmetadata:\n  name: {name}\n  namespace: ns{i % 20}\nspec:\n  selector:\n    app: {name}\n  ports:\n  - port: 80\n    targetPort: 8080\n")
            elif kind == "Deployment":
                f.write(deployment(name, f"ghcr.io/bench/{name}", 8080).replace("metadata:\n  name:", f"metadata:\n  namespace: ns{i % 20}\n  name:", 1))
            elif kind == "ServiceAccount":
                f.write(f"apiVersion: v1\nkind: ServiceAccount\nmetadata:\n  name: {name}\n  namespace: ns{i % 20}\n")
            else:
                f.write(f"apiVersion: rbac.authorization.k8s.io/v1\nkind: Role\nmetadata:\n  name: {name}\n  namespace: ns{i % 20}\nrules:\n- apiGroups: [\"\"]\n  resources: [pods]\n  verbs: [get]\n")


def main():
    p = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    sub = p.add_subparsers(dest="what", required=True)
    t = sub.add_parser("tree")
    t.add_argument("dir")
    t.add_argument("--services", type=int, default=50)
    s = sub.add_parser("stream")
    s.add_argument("file")
    s.add_argument("--count", type=int, default=50000)
    a = p.parse_args()
    if a.what == "tree":
        tree(a.dir, a.services)
    else:
        stream(a.file, a.count)


if __name__ == "__main__":
    main()
