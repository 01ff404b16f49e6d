// vap-peer: Kubernetes' own ValidatingAdmissionPolicy plugin (k8s.io/apiserver v0.36.6,
// pkg/admission/plugin/policy/validating) run offline over one admission case directory, the
// reference AdmissionPeerDiffTest compares the validator's admission stage with.
//
//	vap-peer <case-dir>      (<case-dir>/admission/**.yaml: policies, bindings, params;
//	                          <case-dir>/resources.yaml: the rendered objects)
//
// For every binding (by name) it builds the real plugin (validating.NewPlugin) over fake clients:
// a client-go fake clientset holding that binding, its policy, the Namespaces and the params of
// built-in kinds; a fake dynamic client holding the params of other kinds. Each resource of
// resources.yaml is then admitted with plugin.Validate as a CREATE by
// system:serviceaccount:argocd:argocd-application-controller. Output, sorted, one line per finding:
//
//	<kind>/<namespace as rendered>/<name> TAB <policy> TAB <binding> TAB <action> TAB <text>
//
// What is ours, not Kubernetes': the RESTMapper's answers (plural = meta.UnsafeGuessKindToResource
// or the plural of a CRD in resources.yaml; scope from a CRD, a list of cluster-scoped built-in
// kinds, else namespaced when client-go knows the kind or an object of the kind has a namespace),
// the API server's defaulting of policies and bindings (failurePolicy Fail, matchPolicy Equivalent,
// empty selectors, scope "*"), what the registry does before validating admission (the namespace
// "default" for namespaced objects without one, the kubernetes.io/metadata.name label on a
// Namespace), the equivalent-resource registry (every version client-go knows of a group/resource,
// plus the versions of CRDs in resources.yaml) and conversion between versions (apiVersion only,
// as for a CRD without a conversion webhook).
//
// All decisions: the dispatcher returns only the first denial, so each binding is run with
// validationActions [Warn], which reports every decision as a warning; the line then carries the
// binding's strongest action (Deny > Warn > Audit), formatted as the dispatcher formats it
// ("... denied request: m" for Deny, "Validation failed for ...: m" otherwise), one line per
// decision as the validator reports them, with " (reason: R)" after a failure of a validation whose
// reason is not Invalid (see runBinding). A denial that does not come from a validation
// (configuration errors: params not found, namespaced params for a cluster-scoped object...) is
// the plugin's returned error, printed as is with action Deny whatever the binding's actions.
package main

import (
	"bufio"
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"os"
	"path/filepath"
	"sort"
	"strings"
	"time"

	admissionregistrationv1 "k8s.io/api/admissionregistration/v1"
	corev1 "k8s.io/api/core/v1"
	k8serrors "k8s.io/apimachinery/pkg/api/errors"
	"k8s.io/apimachinery/pkg/api/meta"
	metav1 "k8s.io/apimachinery/pkg/apis/meta/v1"
	"k8s.io/apimachinery/pkg/apis/meta/v1/unstructured"
	"k8s.io/apimachinery/pkg/runtime"
	"k8s.io/apimachinery/pkg/runtime/schema"
	utilyaml "k8s.io/apimachinery/pkg/util/yaml"
	"k8s.io/apiserver/pkg/admission"
	"k8s.io/apiserver/pkg/admission/plugin/policy/validating"
	"k8s.io/apiserver/pkg/authentication/user"
	"k8s.io/apiserver/pkg/authorization/authorizerfactory"
	"k8s.io/apiserver/pkg/warning"
	dynamicfake "k8s.io/client-go/dynamic/fake"
	"k8s.io/client-go/informers"
	"k8s.io/client-go/kubernetes/fake"
	"k8s.io/client-go/kubernetes/scheme"
	"k8s.io/klog/v2"
	"sigs.k8s.io/yaml"
)

var requester = &user.DefaultInfo{
	Name:   "system:serviceaccount:argocd:argocd-application-controller",
	Groups: []string{"system:serviceaccounts", "system:serviceaccounts:argocd", "system:authenticated"},
}

// cluster-scoped built-in kinds by group
var clusterScoped = map[string][]string{
	"":                             {"Namespace", "Node", "PersistentVolume", "ComponentStatus"},
	"rbac.authorization.k8s.io":    {"ClusterRole", "ClusterRoleBinding"},
	"apiextensions.k8s.io":         {"CustomResourceDefinition"},
	"apiregistration.k8s.io":       {"APIService"},
	"storage.k8s.io":               {"StorageClass", "CSIDriver", "CSINode", "VolumeAttachment", "VolumeAttributesClass"},
	"scheduling.k8s.io":            {"PriorityClass"},
	"node.k8s.io":                  {"RuntimeClass"},
	"networking.k8s.io":            {"IngressClass", "IPAddress", "ServiceCIDR"},
	"certificates.k8s.io":          {"CertificateSigningRequest", "ClusterTrustBundle"},
	"flowcontrol.apiserver.k8s.io": {"FlowSchema", "PriorityLevelConfiguration"},
	"resource.k8s.io":              {"DeviceClass", "ResourceSlice"},
	"admissionregistration.k8s.io": {"ValidatingAdmissionPolicy", "ValidatingAdmissionPolicyBinding",
		"MutatingAdmissionPolicy", "MutatingAdmissionPolicyBinding",
		"ValidatingWebhookConfiguration", "MutatingWebhookConfiguration"},
}

type crdInfo struct {
	plural     string
	namespaced bool
	versions   []string
}

type world struct {
	crds      map[schema.GroupKind]crdInfo
	hasNs     map[schema.GroupKind]bool // an object of the kind has a namespace
	policies  map[string]*admissionregistrationv1.ValidatingAdmissionPolicy
	bindings  []*admissionregistrationv1.ValidatingAdmissionPolicyBinding
	params    []*unstructured.Unstructured // admission/ objects, then resources
	resources []*unstructured.Unstructured
	nsNames   []string
	nsObjs    map[string]*unstructured.Unstructured
	// the namespace of each resource as resources.yaml renders it (empty when it names none)
	renderedNs []string
}

func main() {
	klog.SetOutput(io.Discard)
	klog.LogToStderr(false)
	if len(os.Args) != 2 {
		fmt.Fprintln(os.Stderr, "usage: vap-peer <case-dir>")
		os.Exit(2)
	}
	w, err := load(os.Args[1])
	if err != nil {
		fmt.Fprintln(os.Stderr, "vap-peer:", err)
		os.Exit(1)
	}
	var lines []string
	for _, b := range w.bindings {
		p := w.policies[b.Spec.PolicyName]
		if p == nil {
			continue
		}
		out, err := w.runBinding(p, b)
		if err != nil {
			fmt.Fprintln(os.Stderr, "vap-peer:", err)
			os.Exit(1)
		}
		lines = append(lines, out...)
	}
	sort.Strings(lines)
	bw := bufio.NewWriter(os.Stdout)
	for _, l := range lines {
		fmt.Fprintln(bw, l)
	}
	bw.Flush()
}

// ---- input

func readDocs(path string) ([]*unstructured.Unstructured, error) {
	data, err := os.ReadFile(path)
	if err != nil {
		return nil, err
	}
	r := utilyaml.NewYAMLReader(bufio.NewReader(bytes.NewReader(data)))
	var out []*unstructured.Unstructured
	for {
		doc, err := r.Read()
		if errors.Is(err, io.EOF) {
			return out, nil
		}
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		js, err := yaml.YAMLToJSON(doc)
		if err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		if t := strings.TrimSpace(string(js)); t == "null" || t == "" {
			continue
		}
		u := &unstructured.Unstructured{}
		if err := u.UnmarshalJSON(js); err != nil {
			return nil, fmt.Errorf("%s: %w", path, err)
		}
		out = append(out, u)
	}
}

func load(dir string) (*world, error) {
	w := &world{crds: map[schema.GroupKind]crdInfo{}, hasNs: map[schema.GroupKind]bool{},
		policies: map[string]*admissionregistrationv1.ValidatingAdmissionPolicy{}, nsObjs: map[string]*unstructured.Unstructured{}}
	var files []string
	err := filepath.Walk(filepath.Join(dir, "admission"), func(p string, fi os.FileInfo, err error) error {
		if err != nil {
			return err
		}
		n := strings.ToLower(fi.Name())
		if !fi.IsDir() && (strings.HasSuffix(n, ".yaml") || strings.HasSuffix(n, ".yml") || strings.HasSuffix(n, ".json")) &&
			!strings.HasPrefix(n, "kustomization.") {
			files = append(files, p)
		}
		return nil
	})
	if err != nil {
		return nil, err
	}
	sort.Strings(files)
	var admissionObjs []*unstructured.Unstructured
	for _, f := range files {
		docs, err := readDocs(f)
		if err != nil {
			return nil, err
		}
		admissionObjs = append(admissionObjs, docs...)
	}
	if w.resources, err = readDocs(filepath.Join(dir, "resources.yaml")); err != nil {
		return nil, err
	}
	for _, u := range append(append([]*unstructured.Unstructured{}, admissionObjs...), w.resources...) {
		gvk := u.GroupVersionKind()
		if u.GetNamespace() != "" {
			w.hasNs[gvk.GroupKind()] = true
		}
		if gvk.GroupKind() == (schema.GroupKind{Group: "apiextensions.k8s.io", Kind: "CustomResourceDefinition"}) {
			group, _, _ := unstructured.NestedString(u.Object, "spec", "group")
			kind, _, _ := unstructured.NestedString(u.Object, "spec", "names", "kind")
			plural, _, _ := unstructured.NestedString(u.Object, "spec", "names", "plural")
			scope, _, _ := unstructured.NestedString(u.Object, "spec", "scope")
			info := crdInfo{plural: plural, namespaced: scope != "Cluster"}
			vs, _, _ := unstructured.NestedSlice(u.Object, "spec", "versions")
			for _, v := range vs {
				if m, ok := v.(map[string]interface{}); ok {
					if name, ok := m["name"].(string); ok {
						info.versions = append(info.versions, name)
					}
				}
			}
			w.crds[schema.GroupKind{Group: group, Kind: kind}] = info
		}
	}
	for _, u := range admissionObjs {
		switch u.GroupVersionKind() {
		case admissionregistrationv1.SchemeGroupVersion.WithKind("ValidatingAdmissionPolicy"):
			p := &admissionregistrationv1.ValidatingAdmissionPolicy{}
			if err := runtime.DefaultUnstructuredConverter.FromUnstructured(u.Object, p); err != nil {
				return nil, err
			}
			defaultPolicy(p)
			w.policies[p.Name] = p
		case admissionregistrationv1.SchemeGroupVersion.WithKind("ValidatingAdmissionPolicyBinding"):
			b := &admissionregistrationv1.ValidatingAdmissionPolicyBinding{}
			if err := runtime.DefaultUnstructuredConverter.FromUnstructured(u.Object, b); err != nil {
				return nil, err
			}
			if b.Spec.MatchResources != nil {
				defaultMatch(b.Spec.MatchResources)
			}
			w.bindings = append(w.bindings, b)
		default:
			w.params = append(w.params, w.registered(u))
		}
	}
	sort.SliceStable(w.bindings, func(i, j int) bool { return w.bindings[i].Name < w.bindings[j].Name })
	for i, u := range w.resources {
		w.renderedNs = append(w.renderedNs, u.GetNamespace())
		w.resources[i] = w.registered(u)
		w.params = append(w.params, w.resources[i])
	}
	// Namespaces: rendered ones, then a bare one for every other namespace in use
	for _, u := range w.params {
		if u.GroupVersionKind() == corev1.SchemeGroupVersion.WithKind("Namespace") {
			if _, seen := w.nsObjs[u.GetName()]; !seen {
				w.nsObjs[u.GetName()] = u
				w.nsNames = append(w.nsNames, u.GetName())
			}
		}
	}
	for _, u := range w.params {
		if ns := u.GetNamespace(); ns != "" {
			if _, seen := w.nsObjs[ns]; !seen {
				bare := &unstructured.Unstructured{}
				bare.SetAPIVersion("v1")
				bare.SetKind("Namespace")
				bare.SetName(ns)
				w.nsObjs[ns] = w.registered(bare)
				w.nsNames = append(w.nsNames, ns)
			}
		}
	}
	return w, nil
}

// registered: the object as the registry stores it before validating admission runs: namespaced
// objects in "default" unless they name one, Namespaces labelled with their name.
func (w *world) registered(in *unstructured.Unstructured) *unstructured.Unstructured {
	u := in.DeepCopy()
	gvk := u.GroupVersionKind()
	if u.GetKind() == "" || u.GetAPIVersion() == "" {
		return u
	}
	_, namespaced := w.mapping(gvk)
	if namespaced && u.GetNamespace() == "" {
		u.SetNamespace("default")
	}
	if gvk == corev1.SchemeGroupVersion.WithKind("Namespace") {
		labels := u.GetLabels()
		if labels == nil {
			labels = map[string]string{}
		}
		labels["kubernetes.io/metadata.name"] = u.GetName()
		u.SetLabels(labels)
	}
	return u
}

// mapping: the resource and scope the API server would serve the kind under.
func (w *world) mapping(gvk schema.GroupVersionKind) (schema.GroupVersionResource, bool) {
	if c, ok := w.crds[gvk.GroupKind()]; ok {
		return gvk.GroupVersion().WithResource(c.plural), c.namespaced
	}
	gvr, _ := meta.UnsafeGuessKindToResource(gvk)
	for _, k := range clusterScoped[gvk.Group] {
		if k == gvk.Kind {
			return gvr, false
		}
	}
	if scheme.Scheme.Recognizes(gvk) {
		return gvr, true
	}
	return gvr, w.hasNs[gvk.GroupKind()]
}

// ---- API defaulting (k8s.io/kubernetes pkg/apis/admissionregistration/v1/defaults.go)

func defaultPolicy(p *admissionregistrationv1.ValidatingAdmissionPolicy) {
	if p.Spec.FailurePolicy == nil {
		f := admissionregistrationv1.Fail
		p.Spec.FailurePolicy = &f
	}
	if p.Spec.MatchConstraints != nil {
		defaultMatch(p.Spec.MatchConstraints)
	}
}

func defaultMatch(m *admissionregistrationv1.MatchResources) {
	if m.MatchPolicy == nil {
		e := admissionregistrationv1.Equivalent
		m.MatchPolicy = &e
	}
	if m.NamespaceSelector == nil {
		m.NamespaceSelector = &metav1.LabelSelector{}
	}
	if m.ObjectSelector == nil {
		m.ObjectSelector = &metav1.LabelSelector{}
	}
	for _, rules := range [][]admissionregistrationv1.NamedRuleWithOperations{m.ResourceRules, m.ExcludeResourceRules} {
		for i := range rules {
			if rules[i].Scope == nil {
				s := admissionregistrationv1.AllScopes
				rules[i].Scope = &s
			}
		}
	}
}

// ---- object interfaces: equivalent resources, conversion by apiVersion only

type unstructuredCreater struct{}

func (unstructuredCreater) New(gvk schema.GroupVersionKind) (runtime.Object, error) {
	u := &unstructured.Unstructured{}
	u.SetGroupVersionKind(gvk)
	return u, nil
}

type apiVersionConvertor struct{}

func (apiVersionConvertor) Convert(in, out, _ interface{}) error {
	src, ok1 := in.(*unstructured.Unstructured)
	dst, ok2 := out.(*unstructured.Unstructured)
	if !ok1 || !ok2 {
		return fmt.Errorf("cannot convert %T to %T", in, out)
	}
	dst.Object = src.DeepCopy().Object
	return nil
}

func (apiVersionConvertor) ConvertToVersion(in runtime.Object, gv runtime.GroupVersioner) (runtime.Object, error) {
	u, ok := in.(*unstructured.Unstructured)
	if !ok {
		return nil, fmt.Errorf("cannot convert %T", in)
	}
	out := u.DeepCopy()
	if target, ok := gv.KindForGroupVersionKinds([]schema.GroupVersionKind{u.GroupVersionKind()}); ok {
		out.SetGroupVersionKind(target)
	}
	return out, nil
}

func (apiVersionConvertor) ConvertFieldLabel(_ schema.GroupVersionKind, label, value string) (string, string, error) {
	return label, value, nil
}

var _ runtime.ObjectConvertor = apiVersionConvertor{}

func (w *world) objectInterfaces() admission.ObjectInterfaces {
	reg := runtime.NewEquivalentResourceRegistry()
	add := func(gvk schema.GroupVersionKind) {
		gvr, _ := w.mapping(gvk)
		reg.RegisterKindFor(gvr, "", gvk)
	}
	for gvk := range scheme.Scheme.AllKnownTypes() {
		if gvk.Version == runtime.APIVersionInternal || strings.HasSuffix(gvk.Kind, "List") {
			continue
		}
		add(gvk)
	}
	for gk, c := range w.crds {
		for _, v := range c.versions {
			add(gk.WithVersion(v))
		}
	}
	for _, u := range w.resources {
		if u.GetKind() != "" && u.GetAPIVersion() != "" {
			add(u.GroupVersionKind())
		}
	}
	return &admission.RuntimeObjectInterfaces{
		ObjectCreater:            unstructuredCreater{},
		ObjectTyper:              scheme.Scheme,
		ObjectDefaulter:          scheme.Scheme,
		ObjectConvertor:          apiVersionConvertor{},
		EquivalentResourceMapper: reg,
	}
}

// ---- running the plugin

type warnings struct{ texts []string }

func (r *warnings) AddWarning(_, text string) { r.texts = append(r.texts, text) }

// outcome: per resource, the messages of its decisions (as warnings) and the plugin's returned error
type outcome struct {
	messages [][]string
	errs     []string
}

// admit: every resource through a plugin holding p and b (its actions replaced by Warn).
func (w *world) admit(p *admissionregistrationv1.ValidatingAdmissionPolicy, b *admissionregistrationv1.ValidatingAdmissionPolicyBinding) (*outcome, error) {
	asWarn := b.DeepCopy()
	asWarn.Spec.ValidationActions = []admissionregistrationv1.ValidationAction{admissionregistrationv1.Warn}

	typed := []runtime.Object{p.DeepCopy(), asWarn}
	mapper := meta.NewDefaultRESTMapper(nil)
	mapped := map[schema.GroupVersionKind]bool{}
	addMapping := func(gvk schema.GroupVersionKind) {
		if mapped[gvk] {
			return
		}
		mapped[gvk] = true
		gvr, namespaced := w.mapping(gvk)
		scope := meta.RESTScopeRoot
		if namespaced {
			scope = meta.RESTScopeNamespace
		}
		mapper.AddSpecific(gvk, gvr, gvr.GroupVersion().WithResource(strings.TrimSuffix(gvr.Resource, "s")), scope)
	}
	if p.Spec.ParamKind != nil {
		gv, err := schema.ParseGroupVersion(p.Spec.ParamKind.APIVersion)
		if err == nil {
			addMapping(gv.WithKind(p.Spec.ParamKind.Kind))
		}
	}
	dynListKinds := map[schema.GroupVersionResource]string{}
	var dynObjs []*unstructured.Unstructured
	for _, name := range w.nsNames {
		ns := &corev1.Namespace{}
		if err := runtime.DefaultUnstructuredConverter.FromUnstructured(w.nsObjs[name].Object, ns); err != nil {
			return nil, err
		}
		typed = append(typed, ns)
	}
	for _, u := range w.params {
		gvk := u.GroupVersionKind()
		if u.GetKind() == "" || gvk == corev1.SchemeGroupVersion.WithKind("Namespace") || gvk.Group == "admissionregistration.k8s.io" {
			continue
		}
		if p.Spec.ParamKind == nil || p.Spec.ParamKind.Kind != gvk.Kind || p.Spec.ParamKind.APIVersion != u.GetAPIVersion() {
			continue
		}
		if scheme.Scheme.Recognizes(gvk) {
			obj, _ := scheme.Scheme.New(gvk)
			if err := runtime.DefaultUnstructuredConverter.FromUnstructured(u.Object, obj); err != nil {
				return nil, err
			}
			typed = append(typed, obj)
		} else {
			gvr, _ := w.mapping(gvk)
			dynListKinds[gvr] = gvk.Kind + "List"
			dynObjs = append(dynObjs, u)
		}
	}
	dyn := dynamicfake.NewSimpleDynamicClientWithCustomListKinds(runtime.NewScheme(), dynListKinds)
	for _, u := range dynObjs {
		gvr, _ := w.mapping(u.GroupVersionKind())
		if err := dyn.Tracker().Create(gvr, u.DeepCopy(), u.GetNamespace()); err != nil {
			return nil, err
		}
	}
	client := fake.NewSimpleClientset(typed...)
	factory := informers.NewSharedInformerFactory(client, 0)

	plugin, err := validating.NewPlugin(nil)
	if err != nil {
		return nil, err
	}
	stop := make(chan struct{})
	defer close(stop)
	plugin.SetExternalKubeInformerFactory(factory)
	plugin.SetExternalKubeClientSet(client)
	plugin.SetRESTMapper(mapper)
	plugin.SetDynamicClient(dyn)
	plugin.SetDrainedNotification(stop)
	plugin.SetAuthorizer(authorizerfactory.NewAlwaysAllowAuthorizer())
	if err := plugin.ValidateInitialization(); err != nil {
		return nil, err
	}
	factory.Start(stop)
	factory.WaitForCacheSync(stop)
	deadline := time.Now().Add(10 * time.Second)
	for !plugin.WaitForReady() {
		if time.Now().After(deadline) {
			return nil, errors.New("plugin not ready")
		}
	}
	// the policy source compiles asynchronously: wait until it has the binding's hook
	time.Sleep(50 * time.Millisecond)

	o := w.objectInterfaces()
	warnPrefix := fmt.Sprintf("Validation failed for ValidatingAdmissionPolicy '%s' with binding '%s': ", p.Name, b.Name)
	out := &outcome{messages: make([][]string, len(w.resources)), errs: make([]string, len(w.resources))}
	for i, u := range w.resources {
		if u.GetKind() == "" || u.GetAPIVersion() == "" {
			continue
		}
		gvk := u.GroupVersionKind()
		gvr, namespaced := w.mapping(gvk)
		ns := ""
		if namespaced {
			ns = u.GetNamespace()
		}
		attrs := admission.NewAttributesRecord(u.DeepCopy(), nil, gvk, ns, u.GetName(), gvr, "", admission.Create,
			// the create handler sets the options' kind (endpoints/handlers/create.go)
			&metav1.CreateOptions{TypeMeta: metav1.TypeMeta{Kind: "CreateOptions", APIVersion: "meta.k8s.io/v1"}}, false, requester)
		rec := &warnings{}
		ctx := warning.WithWarningRecorder(context.Background(), rec)
		if err := plugin.Validate(ctx, attrs, o); err != nil {
			text := err.Error()
			var se *k8serrors.StatusError
			if errors.As(err, &se) && se.ErrStatus.Details != nil && len(se.ErrStatus.Details.Causes) > 0 {
				text = se.ErrStatus.Details.Causes[len(se.ErrStatus.Details.Causes)-1].Message
			}
			out.errs[i] = text
		}
		for _, t := range rec.texts {
			out.messages[i] = append(out.messages[i], strings.TrimPrefix(t, warnPrefix))
		}
	}
	return out, nil
}

// runBinding: the binding's findings. A failed validation whose reason is not Invalid gets
// " (reason: R)" as the validator reports it (the API server returns the reason as the status
// reason): the policy is run once more with that validation alone, and with none, so that the
// validation's own failures are known (its decisions less the matchConditions' errors, less its
// evaluation errors, which read "expression '<its expression>' resulted in error: ...").
func (w *world) runBinding(p *admissionregistrationv1.ValidatingAdmissionPolicy, b *admissionregistrationv1.ValidatingAdmissionPolicyBinding) ([]string, error) {
	all, err := w.admit(p, b)
	if err != nil {
		return nil, err
	}
	reasons := make([]map[string]string, len(w.resources)) // resource → message → reason
	var none *outcome
	for _, v := range p.Spec.Validations {
		if v.Reason == nil || *v.Reason == metav1.StatusReasonInvalid || *v.Reason == "" {
			continue
		}
		if none == nil {
			q := p.DeepCopy()
			q.Spec.Validations, q.Spec.AuditAnnotations = nil, nil
			if none, err = w.admit(q, b); err != nil {
				return nil, err
			}
		}
		q := p.DeepCopy()
		q.Spec.Validations, q.Spec.AuditAnnotations = []admissionregistrationv1.Validation{v}, nil
		only, err := w.admit(q, b)
		if err != nil {
			return nil, err
		}
		errPrefix := fmt.Sprintf("expression '%s' resulted in error: ", v.Expression)
		for i := range w.resources {
			for _, m := range only.messages[i] {
				if strings.HasPrefix(m, errPrefix) || contains(none.messages[i], m) {
					continue
				}
				if reasons[i] == nil {
					reasons[i] = map[string]string{}
				}
				reasons[i][m] = string(*v.Reason)
			}
		}
	}
	action := strongest(b.Spec.ValidationActions)
	var lines []string
	for i, u := range w.resources {
		id := fmt.Sprintf("%s/%s/%s", u.GetKind(), w.renderedNs[i], u.GetName())
		for _, m := range all.messages[i] {
			if r, ok := reasons[i][m]; ok {
				m += " (reason: " + r + ")"
			}
			lines = append(lines, strings.Join([]string{id, p.Name, b.Name, string(action), format(action, p.Name, b.Name, m)}, "\t"))
		}
		if all.errs[i] != "" {
			lines = append(lines, strings.Join([]string{id, p.Name, b.Name, "Deny", all.errs[i]}, "\t"))
		}
	}
	return lines, nil
}

func contains(list []string, s string) bool {
	for _, x := range list {
		if x == s {
			return true
		}
	}
	return false
}

func strongest(actions []admissionregistrationv1.ValidationAction) admissionregistrationv1.ValidationAction {
	best := admissionregistrationv1.Audit
	for _, a := range actions {
		if a == admissionregistrationv1.Deny {
			return a
		}
		if a == admissionregistrationv1.Warn {
			best = a
		}
	}
	return best
}

func format(action admissionregistrationv1.ValidationAction, policy, binding, message string) string {
	if action == admissionregistrationv1.Deny {
		return fmt.Sprintf("ValidatingAdmissionPolicy '%s' with binding '%s' denied request: %s", policy, binding, message)
	}
	return fmt.Sprintf("Validation failed for ValidatingAdmissionPolicy '%s' with binding '%s': %s", policy, binding, message)
}
