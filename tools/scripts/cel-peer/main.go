// cel-peer evaluates CEL expressions in the environment Kubernetes' ValidatingAdmissionPolicy
// compiles new expressions in (k8s.io/apiserver's base environment at its default compatibility
// version, with the Kubernetes libraries). CelPeerDiffTest compares the validator's evaluator with
// it. Input: one expression per line on stdin. Output: one line per expression, in the form
// CelPeerDiffTest prints the validator's results in (see Printer there):
//
//	value: <value>   ints as 5, uints as 5u, doubles as d<hex of the IEEE bits> (NaN as nan), strings quoted with
//	                 every rune outside printable ASCII (and " \) as \u{hex}, bytes as b"<hex>",
//	                 lists [a, b], maps {k: v} sorted by printed key, optional(x) / optional.none,
//	                 null, type(<name>), timestamps as timestamp(<unix seconds>.<9-digit nanos>),
//	                 durations as duration(<nanoseconds>), anything else (the Kubernetes library's
//	                 quantity, ip, cidr, url, semver) opaque
//	error            an evaluation error; with the flag -messages, "error: <cel-go's message>"
//	compile          a parse, type-check or AST validation error
//
// The variable object is bound to {"metadata": {"name": "web"}}; oldObject, params, request,
// namespaceObject, authorizer are declared as in the admission plugin, dynamic, and null.
package main

import (
	"bufio"
	"fmt"
	"math"
	"os"
	"sort"
	"strings"

	"github.com/google/cel-go/cel"
	"github.com/google/cel-go/common/types"
	"github.com/google/cel-go/common/types/ref"
	"github.com/google/cel-go/common/types/traits"
	"k8s.io/apimachinery/pkg/util/version"
	"k8s.io/apiserver/pkg/cel/environment"
)

func main() {
	base := environment.MustBaseEnvSet(environment.DefaultCompatibilityVersion())
	extended, err := base.Extend(environment.VersionedOptions{
		IntroducedVersion: version.MajorMinor(1, 0),
		EnvOptions: []cel.EnvOption{
			cel.Variable("object", cel.DynType),
			cel.Variable("oldObject", cel.DynType),
			cel.Variable("params", cel.DynType),
			cel.Variable("request", cel.DynType),
			cel.Variable("namespaceObject", cel.DynType),
		},
	})
	if err != nil {
		panic(err)
	}
	env := extended.NewExpressionsEnv()
	activation := map[string]any{
		"object":          map[string]any{"metadata": map[string]any{"name": "web"}},
		"oldObject":       nil,
		"params":          nil,
		"request":         nil,
		"namespaceObject": nil,
	}
	in := bufio.NewScanner(os.Stdin)
	in.Buffer(make([]byte, 1<<20), 1<<20)
	out := bufio.NewWriter(os.Stdout)
	defer out.Flush()
	messages := len(os.Args) > 1 && os.Args[1] == "-messages"
	for in.Scan() {
		line := eval(env, in.Text(), activation)
		if line == "error" && messages {
			line = "error: " + lastError
		}
		fmt.Fprintln(out, line)
	}
}

// lastError is the message of the last evaluation error, for -messages.
var lastError string

func eval(env *cel.Env, expr string, activation map[string]any) (line string) {
	defer func() {
		if r := recover(); r != nil {
			lastError = fmt.Sprint(r)
			line = "error"
		}
	}()
	ast, iss := env.Compile(expr)
	if iss.Err() != nil {
		if os.Getenv("CEL_PEER_DEBUG") != "" {
			fmt.Fprintf(os.Stderr, "%s: %v\n", expr, iss.Err())
		}
		return "compile"
	}
	prg, err := env.Program(ast, cel.EvalOptions(cel.OptOptimize), cel.InterruptCheckFrequency(100))
	if err != nil {
		if os.Getenv("CEL_PEER_DEBUG") != "" {
			fmt.Fprintf(os.Stderr, "%s: program: %v\n", expr, err)
		}
		lastError = err.Error()
		// a call on constants that fails when cel-go folds it (OptOptimize): the API server refuses
		// such a policy when it is created; the validator reports the error for each resource it
		// evaluates, so both count as an evaluation error
		return "error"
	}
	v, _, err := prg.Eval(activation)
	if err != nil || types.IsError(v) {
		if err != nil {
			lastError = err.Error()
		} else {
			lastError = fmt.Sprint(v)
		}
		if os.Getenv("CEL_PEER_DEBUG") != "" {
			fmt.Fprintf(os.Stderr, "%s: %v %v\n", expr, err, v)
		}
		return "error"
	}
	return "value: " + print(v)
}

func print(v ref.Val) string {
	switch x := v.(type) {
	case types.Bool:
		if x {
			return "true"
		}
		return "false"
	case types.Int:
		return fmt.Sprintf("%d", int64(x))
	case types.Uint:
		return fmt.Sprintf("%du", uint64(x))
	case types.Double:
		if math.IsNaN(float64(x)) {
			return "nan" // cel-go's NaN and Java's have different bits
		}
		return fmt.Sprintf("d%016x", math.Float64bits(float64(x)))
	case types.String:
		return quote(string(x))
	case types.Bytes:
		return fmt.Sprintf("b\"%x\"", []byte(x))
	case types.Null:
		return "null"
	case types.Timestamp:
		return fmt.Sprintf("timestamp(%d.%09d)", x.Time.Unix(), x.Time.Nanosecond())
	case types.Duration:
		return fmt.Sprintf("duration(%d)", int64(x.Duration))
	case *types.Optional:
		if x.HasValue() {
			return "optional(" + print(x.GetValue()) + ")"
		}
		return "optional.none"
	case ref.Type:
		return "type(" + x.TypeName() + ")"
	case traits.Mapper:
		var parts []string
		it := x.Iterator()
		for it.HasNext() == types.True {
			k := it.Next()
			parts = append(parts, print(k)+": "+print(x.Get(k)))
		}
		sort.Strings(parts)
		return "{" + strings.Join(parts, ", ") + "}"
	case traits.Lister:
		var parts []string
		it := x.Iterator()
		for it.HasNext() == types.True {
			parts = append(parts, print(it.Next()))
		}
		return "[" + strings.Join(parts, ", ") + "]"
	}
	return "opaque"
}

func quote(s string) string {
	var b strings.Builder
	b.WriteByte('"')
	for _, r := range s {
		if r >= 0x20 && r < 0x7f && r != '"' && r != '\\' {
			b.WriteRune(r)
		} else {
			fmt.Fprintf(&b, "\\u{%x}", r)
		}
	}
	b.WriteByte('"')
	return b.String()
}
