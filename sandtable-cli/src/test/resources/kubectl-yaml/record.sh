#!/bin/sh
# Records what kubectl reads for each case, offline. `kubectl label --local` decodes a file as `kubectl create` does
# (sigs.k8s.io/yaml over go-yaml v2) into untyped objects and prints them as JSON; the label it sets is already on
# every object. `kubectl set image --local` (to nginx:recorded, which the test ignores) decodes into the Go types of built-in
# kinds, which is where a value of the wrong type is refused.
set -e
cd "$(dirname "$0")"
kubectl version --client | head -1 > kubectl-version.txt
kubectl label --local --overwrite -f scalars.yaml sandtable.dev/recorded-by=kubectl -o json > scalars.kubectl.json
for f in refused-*.yaml merge-*.yaml; do
    kubectl label --local --overwrite -f "$f" sandtable.dev/recorded-by=kubectl -o json > "${f%.yaml}.kubectl.json" 2>&1 || true
done
for f in typed-*.yaml; do
    kubectl set image --local -f "$f" main=nginx:recorded -o json > "${f%.yaml}.kubectl.json" 2>&1 || true
done
