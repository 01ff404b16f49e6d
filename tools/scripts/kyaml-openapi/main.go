// Prints the OpenAPI definitions kustomize merges with: kyaml's built-in Kubernetes schema
// (v1.21.2), reduced to what a strategic merge reads (properties, items, $ref, the patch
// extensions and x-kubernetes-group-version-kind), as sorted JSON.
package main

import (
	"encoding/json"
	"os"

	"sigs.k8s.io/kustomize/kyaml/openapi"
)

var keep = map[string]bool{
	"properties": true, "items": true, "$ref": true, "x-kubernetes-patch-strategy": true,
	"x-kubernetes-patch-merge-key": true, "x-kubernetes-list-map-keys": true,
	"x-kubernetes-group-version-kind": true,
}

func strip(v interface{}) interface{} {
	m, ok := v.(map[string]interface{})
	if !ok {
		return v
	}
	out := map[string]interface{}{}
	for k, x := range m {
		switch {
		case !keep[k]:
		case k == "properties":
			props := map[string]interface{}{}
			for pk, pv := range x.(map[string]interface{}) {
				props[pk] = strip(pv)
			}
			out[k] = props
		case k == "items":
			out[k] = strip(x)
		default:
			out[k] = x
		}
	}
	return out
}

func main() {
	raw, err := json.Marshal(openapi.Schema().Definitions)
	if err != nil {
		panic(err)
	}
	var defs map[string]interface{}
	if err := json.Unmarshal(raw, &defs); err != nil {
		panic(err)
	}
	for k, d := range defs {
		defs[k] = strip(d)
	}
	enc := json.NewEncoder(os.Stdout)
	enc.SetIndent("", " ")
	if err := enc.Encode(map[string]interface{}{"info": openapi.GetSchemaVersion(), "definitions": defs}); err != nil {
		panic(err)
	}
}
