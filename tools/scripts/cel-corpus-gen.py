#!/usr/bin/env python3
"""Generates CEL expressions that exercise every function of the Kubernetes admission environment
with edge-case arguments, one per line, for a differential run of the validator's evaluator against
Kubernetes' own (tools/scripts/cel-peer):

    tools/scripts/cel-corpus-gen.py > /tmp/cel.txt
    CEL_CORPUS=/tmp/cel.txt mvn -q test -pl tools/validator -Dtest=CelPeerDiffTest

Every difference printed is a bug or a known difference: fix it and add the expression to
src/test/resources/admission-cel-peer/ (or list it in differences.tsv with the reason).
IP and CIDR expressions are cel-corpus-gen2.py's (areas ip, ipfuzz), which imports this file's q().
"""
import itertools
import random
import sys


def q(s):
    """A CEL string literal; control characters as escapes."""
    out = s.replace("\\", "\\\\").replace("'", "\\'")
    return "'" + ''.join('\\x%02x' % ord(c) if ord(c) < 0x20 or c == '\x7f' else c for c in out) + "'"


QUANTITIES = ['1', '0', '-1', '+1', '-0', '1Gi', '1.5', '500m', '1e3', '1E3', '1Ki', '0.1', '1n', '1u',
              '123456789012345678901234567890', '1.', '.5', '1e-3', '9Ei', '8Ei', '1Ei', '1P', '1.5Gi',
              '0.5Mi', '1m', '100n', '1e', 'e3', '', ' 1', '1 ', '1.2.3', '0x10', '9223372036854775807',
              '9223372036854775808', '-9223372036854775808', '1e18', '1e19', '0.000000001', '0.0000000001',
              '1Mi', '-1.5Gi', '5e-9', '2e-10', '1.000000001', '1k', '1K', '1M', '1G', '1T', '1E', '1Pi',
              '1Ti', '1.0', '10', '1000m', '0.001', '1e0', '1e+3', '1E-3', '1ki', '2Mi', '3.5', '-3.5',
              '7e2', '1_000', '1,5', '1.5e3', '0.5e-9', '12.345678901234567890', '1Eii', '1e1000', '-1e-1000']
URLS = ['https://example.com', 'https://user:pass@example.com:8080/a%20b/c?x=1&y=2&x=3#frag',
        'http://[::1]:80/p', '/relative', 'example.com', '', 'ftp://a', 'https://ex ample.com',
        'https://example.com/a b', 'mailto:x@y', 'https://example.com:abc/', 'http://a/%zz', '//host/path',
        'https://example.com/?', 'https://example.com?a=1&a=2&b', 'https://[fe80::1%25en0]:8080/',
        'https://example.com:443', 'HTTPS://EXAMPLE.COM/A', 'https://example.com/a/../b', 'https://a.b/%2F',
        'http://1.2.3.4:8080', 'https://example.com/#', 'http://[::1]', 'http://::1/', 'https://example.com:/',
        'https://example.com?q=a%20b&r=%zz', 'https://example.com/p?q=1;r=2', 'file:///etc/passwd',
        '/a?b=c', 'https://h/p?%=1', 'https://h?a=1&&b=2', 'https://h/?a=&b', 'https://h/\u00e9',
        'https://h/p%2Fq?x', 'h:', 'https://[::1]:99999/', 'https://h:0/']
REGEX_SUBJECTS = ['abc123def', '', 'aaa', '\u00c4\u00d6\u00fc', 'a\nb', 'hello world', 'x1y22z333']
REGEXES = ['[a-z]+', 'b', '^a', '(a)(b)', '\\d+', '', 'x*', '(?i)A', '\\pL', '[', 'a{2,}', '\\b', '.',
           '$', 'a|', '(?P<n>a)', '\\z', '(?s).', '[[:alpha:]]+', 'a*?', '\\Q.\\E', '(?m)^b']
FORMAT_VALUES = ['1', '-1', '1u', '1.5', '-0.0', '1e100', '1e-7', '100000000.0', "'str'", 'true', 'null',
                 '[1, 2]', "{'a': 1}", "b'ab'", "duration('1s')", "duration('90m')",
                 "timestamp('2020-01-01T00:00:00Z')", "double('NaN')", "double('Inf')", "double('-Inf')",
                 '0.1', '123456789.125', '1.0', '255', '-255', "'\u00e9'", "b'\\xff'", '[]', "['a', 1.5]",
                 'type(1)', 'optional.of(1)', "{1: 'a'}", '3.0e-5', '12345678901234567890u']
FORMAT_VERBS = ['%s', '%d', '%f', '%.2f', '%.0f', '%e', '%.3e', '%x', '%X', '%o', '%b', '%%', '%c', '%q',
                '%v', '%10s', '%-5d', '%.s', '%.10f', '%', 'a%sb%sc', '%s %s', '%.2s', '%1$s']
LISTS = ['[]', '[1, 2, 3]', '[3, 1, 2]', '[1.5, 2.0, -0.5]', "['b', 'a', 'c']", '[1u, 2u]', '[true, false]',
         "[duration('1s'), duration('2s')]", "[timestamp('2020-01-01T00:00:00Z')]", '[[1], [2]]',
         "[b'b', b'a']", '[1, 1, 2, 2]', '[9223372036854775807, 1]', '[-9223372036854775808, -1]',
         "['a', 'a']", '[2.0, 1.0]', '[1.0, 2.0]', '[null]', "[{'a': 1}]", '[dyn(1), dyn(1.5)]',
         "[dyn(1), dyn('a')]", '[18446744073709551615u, 1u]', "[double('NaN'), 1.0]", '[1]']
LIST_ELEMS = ['1', '2', '1.5', "'a'", '1u', 'true', 'null', '[1]', '3', 'dyn(2)', "dyn('a')", '2.0']
STRINGS = ["'hello'", "''", "'  padded  '", "'a,b,,c'", "'\u00c4bc\u00e9'", "'\U0001F600x'", "'AbC'",
           "'tab\\tnew\\nline'", "'x'"]
INTS = ['-1', '0', '1', '2', '3', '100', '-100', '9223372036854775807']
FORMATS = ['dns1123Label', 'dns1123Subdomain', 'dns1035Label', 'qualifiedName', 'dns1123LabelPrefix',
           'dns1123SubdomainPrefix', 'dns1035LabelPrefix', 'labelValue', 'uri', 'uuid', 'byte', 'date',
           'datetime']
FORMAT_SUBJECTS = ['abc', 'a-b', '-ab', 'ab-', 'A', 'a.b', '1abc', 'a' * 63, 'a' * 64, '', 'a_b',
                   'example.com/name', 'x/y/z', '/x', 'abc-', '123e4567-e89b-12d3-a456-426614174000',
                   '123E4567-E89B-12D3-A456-426614174000', 'aGVsbG8=', 'aGVsbG8', '2020-01-01', '2020-13-01',
                   '2020-01-01T00:00:00Z', '2020-01-01T00:00:00+01:00', '2020-01-01 00:00:00',
                   'https://x.y/z', 'not a uri', 'a' * 253, 'a.' * 127 + 'a', 'a' * 254, '_a', 'a..b',
                   'my.label/value', 'prefix/' + 'a' * 63, 'UPPER', '2020-02-30', 'a:b']
SEMVERS = ['1.2.3', 'v1.2.3', '1.2', '1.2.3-alpha', '1.2.3+build', '01.2.3', '1.2.3-alpha.1', '',
           '1.2.3.4', '1', '0.0.0', '1.2.3-0', '1.2.3-01', '99999999999999999999.0.0', 'V1.2.3', '1.02.3']


def quantity_exprs():
    for s in QUANTITIES:
        yield f"isQuantity({q(s)})"
        for m in ['isInteger()', 'asInteger()', 'asApproximateFloat()']:
            yield f"quantity({q(s)}).{m}"
        yield f"sign(quantity({q(s)}))"
        yield f"quantity({q(s)}).sign()"
        yield f"quantity({q(s)}) == quantity('1')"
        yield f"string(quantity({q(s)}))"
    sample = QUANTITIES[:30]
    for a, b in itertools.product(sample, repeat=2):
        yield f"quantity({q(a)}).compareTo(quantity({q(b)}))"
        yield f"quantity({q(a)}) == quantity({q(b)})"
        yield f"quantity({q(a)}).add(quantity({q(b)})).asApproximateFloat()"
    for a in sample:
        for i in INTS:
            yield f"quantity({q(a)}).add({i}).asApproximateFloat()"
            yield f"quantity({q(a)}).sub({i}).isInteger()"
            yield f"quantity({q(a)}).sub({i}).compareTo(quantity('0'))"
        yield f"quantity({q(a)}).isLessThan(quantity('1'))"
        yield f"quantity({q(a)}).isGreaterThan(quantity('1'))"
        yield f"quantity({q(a)}).add(quantity('1')).asInteger()"
        yield f"quantity({q(a)}).sub(quantity('500m')).asInteger()"


def url_exprs():
    for s in URLS:
        yield f"isURL({q(s)})"
        for m in ['getScheme()', 'getHost()', 'getHostname()', 'getPort()', 'getEscapedPath()', 'getQuery()']:
            yield f"url({q(s)}).{m}"
        yield f"string(url({q(s)}))"
        yield f"url({q(s)}) == url({q(s)})"


def regex_exprs():
    for s, r in itertools.product(REGEX_SUBJECTS, REGEXES):
        yield f"{q(s)}.find({q(r)})"
        yield f"{q(s)}.findAll({q(r)})"
        yield f"{q(s)}.matches({q(r)})"
        for n in ['-1', '0', '1', '2']:
            yield f"{q(s)}.findAll({q(r)}, {n})"
    yield "'abc'.find('[' + '')"
    yield "'abc'.findAll('[' + '', 1)"
    yield "'abc'.matches('[' + '')"


def format_exprs():
    for verb, v in itertools.product(FORMAT_VERBS, FORMAT_VALUES):
        yield f"{q(verb)}.format([{v}])"
    yield "'%s %s'.format([1])"
    yield "'%s'.format([1, 2])"
    yield "'%s'.format([])"
    yield "'x'.format([])"
    yield "'%d'.format(1)"


def list_exprs():
    for l in LISTS:
        for m in ['isSorted()', 'sum()', 'min()', 'max()']:
            yield f"{l}.{m}"
        for e in LIST_ELEMS:
            yield f"{l}.indexOf({e})"
            yield f"{l}.lastIndexOf({e})"
    # cel-go's lists extension (ListsVersion 3)
    for l in LISTS[:12]:
        for m in ['distinct()', 'flatten()', 'reverse()', 'sort()', 'first()', 'last()', 'slice(0, 1)',
                  'slice(1, 0)', 'flatten(1)']:
            yield f"{l}.{m}"
    for e in ['lists.range(3)', 'lists.range(0)', 'lists.range(-1)', "['b', 'a'].sortBy(x, x)",
              '[[1, [2]], 3].flatten(2)', '[1, 2].sortBy(x, -x)']:
        yield e


def string_exprs():
    for s in STRINGS:
        for m in ['lowerAscii()', 'upperAscii()', 'trim()', 'reverse()', 'size()', "split(',')",
                  "split(',', 2)", "split('')", "replace('l', 'L')", "replace('', '-')", "replace('l', 'L', 1)",
                  "indexOf('l')", "indexOf('')", "lastIndexOf('l')", "lastIndexOf('')", 'charAt(0)', 'charAt(1)',
                  'charAt(100)', 'substring(1)', 'substring(1, 2)', 'substring(2, 1)', "indexOf('l', 3)",
                  "lastIndexOf('l', 3)", 'charAt(-1)', "startsWith('h')", "endsWith('')", "contains('ll')"]:
            yield f"{s}.{m}"
        yield f"strings.quote({s})"
        yield f"[{s}, 'z'].join()"
        yield f"[{s}, 'z'].join('-')"
    for i in INTS:
        yield f"'hello'.substring({i})"
        yield f"'hello'.charAt({i})"
        yield f"'hello'.indexOf('l', {i})"
        yield f"'hello'.lastIndexOf('l', {i})"


def format_lib_exprs():
    for f in FORMATS:
        for s in FORMAT_SUBJECTS:
            yield f"format.{f}().validate({q(s)})"
        yield f"format.named({q(f)}).hasValue()"
        yield f"format.named({q(f)}).value().validate('abc')"
    yield "format.named('nope').hasValue()"
    yield "format.named('nope')"


def semver_exprs():
    for s in SEMVERS:
        yield f"isSemver({q(s)})"
        yield f"isSemver({q(s)}, true)"
        yield f"semver({q(s)}).major()"
        yield f"semver({q(s)}, true).minor()"
        yield f"semver({q(s)}).patch()"
        yield f"semver({q(s)}).compareTo(semver('1.2.3'))"
        yield f"semver({q(s)}).isLessThan(semver('1.2.3'))"
        yield f"semver({q(s)}).isGreaterThan(semver('1.2.3'))"
        yield f"semver({q(s)}) == semver('1.2.3')"


def core_exprs():
    doubles = ['0.1', '1.0/3.0', '1e21', '1e20', '123456789.0', '1e-7', '-0.0', '100.0', '1.5e300',
               "double('NaN')", "double('Inf')", '2.5', '0.000001', '1e-5', '12345678901234567.0']
    for d in doubles:
        yield f"string({d})"
        yield f"int({d})"
        yield f"uint({d})"
    for s in ["'1'", "'-1'", "' 1'", "'1.0'", "'0x10'", "'9223372036854775808'", "'1e3'", "'+1'", "'1_000'",
              "'Inf'", "'-Inf'", "'NaN'", "'nan'", "'infinity'", "'.5'", "'5.'", "'1e400'", "'0x1p3'", "''"]:
        yield f"int({s})"
        yield f"uint({s})"
        yield f"double({s})"
        yield f"bool({s})"
    for s in ["'true'", "'True'", "'TRUE'", "'t'", "'1'", "'f'", "'FALSE'", "'False'", "'0'", "'yes'"]:
        yield f"bool({s})"
    for e in ['9223372036854775807 + 1', '-9223372036854775808 - 1', '-9223372036854775808 / -1',
              '-9223372036854775808 % -1', '5 % -3', '-5 % 3', '5 / 0', '5 % 0', '0u - 1u', '5.0 / 0.0',
              '1 == 1.0', '1 < 1.5', '1u == 1', '2 > 1u', '[1, 2] == [1.0, 2.0]', "{'a': 1} == {'a': 1.0}",
              "duration('1h30m')", "string(duration('1h30m'))", "string(duration('1.5s'))", "string(duration('-1ns'))",
              "string(timestamp('2020-01-01T00:00:00.123Z'))", "string(timestamp('2020-01-01T00:00:00+01:00'))",
              "timestamp('2020-01-01T00:00:00Z').getHours('America/New_York')", "timestamp('2020-01-01T00:00:00Z').getDayOfWeek()",
              "duration('1s') + duration('2s')", "timestamp('2020-01-01T00:00:00Z') + duration('24h')",
              "string(timestamp('0001-01-01T00:00:00Z') - duration('1s'))", "duration('10000000000000s')",
              "string(b'\\xff')", "bytes('\u00e9')", "size(b'\\xff')", "size('\U0001F600')",
              "'a' < 'b'", "b'a' < b'b'", "'\U0001F600' > '\uffff'", "string(1u)", "string(-0)",
              "dyn(1) == dyn(1u)", "[1, 'a'][1]", "{'a': 1}.a", "{'a': 1}['b']", "has({'a': 1}.a)",
              "object.metadata.name", "has(object.metadata.namespace)", "object.?metadata.?name",
              "object.?spec.?replicas.orValue(1)", "oldObject == null", "params", "request == null",
              "[1, 2, 3].map(x, x * 2)", "[1, 2, 3].filter(x, x > 1)", "[1, 2, 3].exists_one(x, x > 1)",
              "[1, 2].all(i, v, v > i)", "{'a': 1}.all(k, v, v > 0)", "[1, 2].exists(i, v, v == 2)",
              "[1, 2].transformList(i, v, v * 2)", "{'a': 1}.transformMap(k, v, v + 1)",
              "[1, 2].transformMapEntry(i, v, {string(i): v})", "cel.bind(x, 1, x + 1)",
              "math.greatest(1, 2)", "base64.encode(b'a')", "sets.contains([1, 2], [1])",
              "sets.equivalent([1, 2], [2, 1, 1])", "sets.intersects([1], [1.0])", "sets.contains([1], [1u])",
              "optional.none().orValue(1)", "optional.ofNonZeroValue(0).hasValue()", "[1, 2][?5].orValue(0)",
              "{'a': 1}[?'a']", "[?optional.none(), 1]", "{?'a': optional.none()}", "'abc'.matches('b')",
              "int('9223372036854775807')", "uint('18446744073709551615')", "double('1e308') * 10.0",
              "string(double('-Inf'))", "string(1e100)", "string(-1.5e-10)", "dyn([1])[0] + 1",
              "type(null)", "type([])", "type({})", "type(1u)", "type(duration('1s'))", "type(b'')",
              "type(optional.none())", "type(quantity('1'))", "1 in [1.0]", "'a' in {'a': 1}",
              "timestamp('2020-01-01T00:00:00Z').getFullYear()", "int(timestamp('2020-01-01T00:00:00Z'))",
              "timestamp(0)", "string(timestamp(1))", "duration('1m').getSeconds()",
              "duration('-1.5s').getMilliseconds()", "'%s'.format(['a'])", "strings.quote('a\\x00')",
              "'a'.lowerAscii() == 'a'", "object.metadata.name.size()", "object.metadata.nope",
              "object['metadata']['name']", "object.metadata.name + 1", "1 + 'a'", "[1][1]",
              "{'a': 1, 'a': 2}", "[1, 2.0]", "{1: 'a', 'b': 2}", "[[1], ['a']]", "x", "1 +",
              "\"\"\"a\nb\"\"\"", "r'\\d'", "'\\u00e9'", "b'\\u00e9'", "'\\xff'", "1.0e", "0x10", "0x10u",
              "-0x10", "1e3", "07", "timestamp('2020-01-01')", "duration('1d')", "duration('1x')",
              "'a'.matches('(')", "'a'.matches(r'\\p{Greek}')"]:
        yield e


def main():
    seed = int(sys.argv[1]) if len(sys.argv) > 1 else 1
    random.seed(seed)
    out = []
    for g in [core_exprs, quantity_exprs, url_exprs, regex_exprs, format_exprs, list_exprs,
              string_exprs, format_lib_exprs, semver_exprs]:
        out.extend(g())
    seen = set()
    for e in out:
        if e not in seen and '\n' not in e:
            seen.add(e)
            print(e)


if __name__ == '__main__':
    main()
