#!/usr/bin/env python3
"""Second differential hunt: CEL expressions for the areas the first generator (cel-corpus-gen.py)
covers thinly -- the IP/CIDR grammar, the strings extension and RE2, number conversions and
cross-type ordering, timestamps/durations (parsing, printing, overflow, time zones), optionals,
comprehension error semantics and the `object` variable. About 78,000 expressions, one per line:

    tools/scripts/cel-corpus-gen2.py [areas] [seed] > /tmp/cel2.txt     # areas: ip,ipfuzz,str,regex,num,conv,time,timearith,timefuzz,opt,logic
    CEL_CORPUS=/tmp/cel2.txt mvn -q test -pl tools/validator -Dtest=CelPeerDiffTest

Go maps iterate in random order, so a macro over a map literal with two keys ({1: 'a', 2: 'b'}.map(...))
may differ from run to run; that is not a difference to fix.
"""
import importlib.util
import itertools
import os
import random
import sys

_spec = importlib.util.spec_from_file_location(
    "cel_corpus_gen", os.path.join(os.path.dirname(os.path.abspath(__file__)), "cel-corpus-gen.py"))
_gen = importlib.util.module_from_spec(_spec)
_spec.loader.exec_module(_gen)
q = _gen.q  # one way to write a CEL string literal for both generators

IPS = ['1.2.3.4', '::1', '0.0.0.0', '::', '127.0.0.1', '127.1.2.3', '169.254.1.1', '169.254.169.254', 'fe80::1',
       'ff02::1', 'ff02::2', 'ff01::1', 'ff05::2', 'ff0e::1', 'ff12::1', 'ff32::1', 'ff00::', 'fe80::1%eth0', '::1%lo',
       '1.2.3.4%eth0', '224.0.0.1', '224.0.0.0', '224.0.0.255', '224.0.1.0', '239.255.255.255', '240.0.0.1',
       '255.255.255.255', '01.2.3.4', '1.2.3.04', '1.02.3.4', '00.0.0.0', '0.0.0.00', '::ffff:1.2.3.4',
       '::ffff:127.0.0.1', '::ffff:169.254.1.1', '::ffff:224.0.0.1', '::ffff:0.0.0.0', '::ffff:10.0.0.1',
       '::ffff:7f00:1', '::FFFF:1.2.3.4', '0:0:0:0:0:ffff:1.2.3.4', '::ffff:0:1.2.3.4', '::1.2.3.4',
       '64:ff9b::1.2.3.4', '2001:db8::1.2.3.4', '1:2:3:4:5:6:1.2.3.4', '1:2:3:4:5:6:7:1.2.3.4',
       '::ffff:01.2.3.4', '::ffff:1.2.3', '2001:db8::1', '2001:DB8::1', '2001:0db8:0000::1', '2001:db8:0:0:1:0:0:1',
       '2001:db8::0:1', '2001:db8:0:0:0:0:0:1', '1:2:3:4:5:6:7:8', '1:2:3:4:5:6:7::', '::2:3:4:5:6:7:8',
       '1::8', '1:0:0:4:0:0:0:8', '1:2:3:4:5:6:7:8:9', '1:2:3:4:5:6:7', ':::', '1:::2', '::1::', '1::2::3',
       '12345::', '0001:2::', '00001::', 'fe80::', 'febf:ffff::1', 'fec0::1', 'fc00::1', 'fd00::1', '100::1',
       '2002::1', '::127.0.0.1', 'fe80::1%', 'fe80::1%25eth0', 'fe80::1%eth0%1', '[::1]', ' ::1', '::1 ',
       '1.2.3.4.5', '1.2.3', '1.2.3.256', '1.2.3.-1', '1.2.3.+1', '0x1.2.3.4', '', 'a.b.c.d', '1..2.3',
       '10.0.0.1', '172.16.0.1', '192.168.1.1', '100.64.0.1', '198.18.0.1', '::ffff:ffff:ffff', 'ffff::',
       'FFFF:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF:FFFF', '::0.0.0.0', '::0.0.0.1', '2001:db8::ffff:1.2.3.4',
       '::ffff:255.255.255.255', '0.0.0.1', '127.0.0.0', '126.255.255.255', '128.0.0.1', 'fe80:0000::1',
       '::ffff:fe80::1', 'ff02::1%eth0', '1.2.3.4/32', '\u0661.2.3.4', 'fe80::1%\u00e9']
CIDRS = ['10.0.0.0/8', '10.0.0.1/8', '::/0', '0.0.0.0/0', '1.2.3.4/32', '1.2.3.4/33', '1.2.3.4/31',
         '2001:db8::/32', '2001:db8::1/128', '2001:db8::1/127', '2001:db8::/129', '10.0.0.0/08', '10.0.0.0/008',
         '10.0.0.0/+8', '10.0.0.0/-0', '10.0.0.0', '10.0.0.0/', '/8', '::ffff:1.2.3.0/120',
         '::ffff:1.2.3.0/96', '::ffff:1.2.3.0/24', '::ffff:0.0.0.0/96', '1.2.3.4/-1', '1.2.3.4/ 8', '1.2.3.4 /8',
         '192.168.0.0/16', 'fe80::/10', 'fe80::1%eth0/64', 'fe80::%eth0/10', '2001:DB8::/32', '10.0.0.0/8 ', '',
         '1.2.3.0/24', '::1/128', '1.2.3.4/0', '01.0.0.0/8', '10.1.0.0/16', '10.0.0.0/7', '::ffff:10.0.0.0/104',
         '127.0.0.0/8', '224.0.0.0/4', '::/128', '::/1', '128.0.0.0/1', '255.255.255.255/32', '1.2.3.4/32/1',
         '1.2.3.4/1a', '1.2.3.4/0x8', '2001:db8::/48', '2001:db8:1::/48', '2001:db8::1.2.3.4/120', '::/00',
         '0.0.0.0/00', '1.2.3.4/99999999999999999999', '1.2.3.4/4294967304', 'a/8', '[::1]/128',
         '\u0661.2.3.4/8', '1.2.3.4/\u0668']
IP_FUNCS = ['family()', 'isUnspecified()', 'isLoopback()', 'isLinkLocalMulticast()', 'isLinkLocalUnicast()',
            'isGlobalUnicast()']
CIDR_FUNCS = ['ip()', 'masked()', 'prefixLength()']
CONTAINED_IPS = ['10.0.0.1', '10.255.255.255', '11.0.0.0', '::1', '::ffff:10.0.0.1', '1.2.3.4', '2001:db8::5',
                 '2001:db9::', 'fe80::1', 'fe80::1%eth0', '::', '0.0.0.0', '1.2.3.5', '::ffff:1.2.3.4', '01.2.3.4']


def ip_exprs():
    for s in IPS:
        yield f'isIP({q(s)})'
        yield f'ip.isCanonical({q(s)})'
        yield f'string(ip({q(s)}))'
        for f in IP_FUNCS:
            yield f'ip({q(s)}).{f}'
        yield f'ip({q(s)}) == ip({q(s)})'
        yield f'isCIDR({q(s)})'
    for a, b in itertools.combinations(['1.2.3.4', '::ffff:1.2.3.4', '::1', '0:0:0:0:0:0:0:1', '2001:db8::1',
                                         '2001:DB8::1', '2001:db8:0::1', '1.2.3.5', '::1.2.3.4'], 2):
        yield f'ip({q(a)}) == ip({q(b)})'
        yield f'ip({q(a)}) != ip({q(b)})'
    for c in CIDRS:
        yield f'isCIDR({q(c)})'
        yield f'string(cidr({q(c)}))'
        for f in CIDR_FUNCS:
            yield f'cidr({q(c)}).{f}'
        yield f'string(cidr({q(c)}).ip())'
        yield f'string(cidr({q(c)}).masked())'
        yield f'cidr({q(c)}) == cidr({q(c)})'
        yield f'cidr({q(c)}).masked() == cidr({q(c)})'
        for i in CONTAINED_IPS:
            yield f'cidr({q(c)}).containsIP({q(i)})'
            yield f'cidr({q(c)}).containsIP(ip({q(i)}))'
        for d in random.sample(CIDRS, 12):
            yield f'cidr({q(c)}).containsCIDR({q(d)})'
            yield f'cidr({q(c)}).containsCIDR(cidr({q(d)}))'
            yield f'cidr({q(c)}) == cidr({q(d)})'
    for e in ["ip('1.2.3.4') == cidr('1.2.3.4/32').ip()", "type(cidr('1.2.3.0/24'))", "type(ip('::1'))",
              "ip('1.2.3.4') == ip('1.2.3.4') && ip('::1') != ip('::2')", "[ip('1.2.3.4')] == [ip('1.2.3.4')]",
              "ip('1.2.3.4') in [ip('1.2.3.4')]", "{'a': ip('1.2.3.4')}.a.family()", "dyn(ip('1.2.3.4')) == dyn(1)",
              "ip('1.2.3.4') == dyn('1.2.3.4')", "cidr('1.2.3.0/24') == dyn(ip('1.2.3.0'))",
              "string(ip('::ffff:1.2.3.4')) == '::ffff:1.2.3.4'", "isIP(1)", "ip(1)", "cidr(1)", "string(ip(''))",
              "ip('1.2.3.4').family() + 1", "cidr('::/0').containsIP(ip('1.2.3.4'))",
              "cidr('0.0.0.0/0').containsIP(ip('::ffff:1.2.3.4'))", "cidr('0.0.0.0/0').containsCIDR('::/0')",
              "cidr('::/0').containsCIDR('0.0.0.0/0')", "cidr('::ffff:0.0.0.0/96').containsIP('1.2.3.4')",
              "cidr('1.2.3.0/24').containsIP('fe80::1%eth0')", "ip.isCanonical(1)", "isCIDR(null)",
              "ip('1.2.3.4') < ip('1.2.3.5')", "optional.of(ip('1.2.3.4')).value().family()",
              "string(cidr('10.0.0.1/8')) + '!'", "cidr('10.0.0.1/8').ip() == ip('10.0.0.1')"]:
        yield e


STRS = ['', 'a', 'abc', 'a,b,,c', ',', ',,', 'aaa', 'hello world', '  pad  ', '\t\n x \r\n', '\u00c4bc\u00e9',
        '\U0001F600x\U0001F600', '\u00df', 'I\u0130\u0131i', '\u0131', '\u212a', 'ǅ', '\u00a0x\u00a0',
        '\u2003x\u3000', '\u200bx\u200b', '\ufeffx', '\u0085x\u0085', '\u1680x', '\u180ex', '\u2028x\u2029',
        '\u000bx\u000c', '\u001cx\u001f', 'a\u0000b', 'ABC def', 'ﬀ', 'Ω', 'ǈ']
SEPS = ['', ',', ',,', 'a', 'aa', 'x', '\U0001F600', 'b']
def str_exprs():
    for s in STRS:
        S = q(s)
        for f in ['size()', 'lowerAscii()', 'upperAscii()', 'trim()', 'reverse()']:
            yield f'{S}.{f}'
        yield f'size({S})'
        yield f'bytes({S})'
        yield f'size(bytes({S}))'
        yield f'strings.quote({S})'
        for i in [-1, 0, 1, 2, 3, 4, 100]:
            yield f'{S}.charAt({i})'
            yield f'{S}.substring({i})'
            for j in [0, 1, 2, 3, 5]:
                yield f'{S}.substring({i}, {j})'
        for sep in SEPS:
            P = q(sep)
            yield f'{S}.split({P})'
            for n in [-2, -1, 0, 1, 2, 3]:
                yield f'{S}.split({P}, {n})'
            yield f'{S}.contains({P})'
            yield f'{S}.startsWith({P})'
            yield f'{S}.endsWith({P})'
            yield f'{S}.indexOf({P})'
            yield f'{S}.lastIndexOf({P})'
            for r in ['', 'Z', '\U0001F600']:
                yield f'{S}.replace({P}, {q(r)})'
                for n in [-1, 0, 1, 2]:
                    yield f'{S}.replace({P}, {q(r)}, {n})'
            for i in [-1, 0, 1, 3, 10]:
                yield f'{S}.indexOf({P}, {i})'
                yield f'{S}.lastIndexOf({P}, {i})'
        yield f'{S} + {S}'
        yield f'{S} == {S}'
        yield f'[{S}, {S}].join()'
        yield f'[{S}, {S}].join({S})'
    for b in ["b'\\xff'", "b'\\xc3'", "b'\\xc3\\xa9'", "b'\\xed\\xa0\\x80'", "b'\\xf4\\x90\\x80\\x80'", "b'a\\x00b'",
              "b'\\xe2\\x82'", "b'\\xc0\\xaf'", "b'\\xef\\xbf\\xbd'", "b''", "b'\\xf0\\x9f\\x98\\x80'", "b'\\x80abc'"]:
        yield f'string({b})'
        yield f'size(string({b}))'
        yield f'string({b}).size()'
        yield f'bytes(string({b}))'
        yield f'size({b})'
        yield f'{b} + {b}'
        yield f'{b} == {b}'
        yield f'{b} < b\'a\''
        yield f'string({b}) == \'\\ufffd\''
        yield f'strings.quote(string({b}))'
    for e in ["strings.quote('\\x00\\x01\\x07\\x08\\x0c\\x1b\\x7f')", "strings.quote('\\u0080\\u00a0\\u00ad')",
              "strings.quote('\\u200b\\u2028\\ufeff\\ufffd')", "strings.quote('\"')", "strings.quote(\"'\")",
              "strings.quote('\\\\')", "strings.quote('\\a\\b\\f\\n\\r\\t\\v')", "strings.quote('\\U0001F600')",
              "strings.quote('\\U0010FFFF')", "strings.quote('\\U000E0001')", "strings.quote('\\u0378')",
              "'abc'.matches('')", "''.matches('^$')", "'a\\nb'.matches('^b$')", "'a\\nb'.matches('(?m)^b$')",
              "'ABC'.matches('(?i)abc')", "'é'.matches('^.$')", "'😀'.matches('^.$')", "'😀'.matches('^..$')",
              "'a'.matches('\\\\C')", "'ab'.matches('(?U)a+?')", "'a'.matches('\\\\pN')", "'٣'.matches('\\\\d')",
              "'٣'.matches('[[:digit:]]')", "'é'.matches('\\\\w')", "'é'.matches('(?i)É')", "'K'.matches('(?i)\\u212a')",
              "'a'.matches('a{1001}')", "'a'.matches('a{1000}')", "'a'.matches('(a{100}){100}')",
              "'ab'.matches('a(?=b)')", "'aa'.matches('(a)\\\\1')", "'a'.matches('\\\\Z')", "'a'.matches('a\\\\z')",
              "'a'.matches('[[:word:]]')", "'a'.matches('\\\\pL')", "'a'.matches('\\\\p{L}')", "'a'.matches('\\\\p{Latin}')",
              "'a'.matches('\\\\p{Lu}')", "'a'.matches('\\\\P{Lu}')", "'a'.matches('[\\\\p{Lu}]')", "'a'.matches('\\\\x61')",
              "'a'.matches('\\\\x{61}')", "'a'.matches('\\\\141')", "'a'.matches('\\\\0141')", "'a'.matches('\\\\8')",
              "'a'.matches('(?P<x>a)')", "'a'.matches('(?<x>a)')", "'a'.matches('(?:a)')", "'a'.matches('(?i:A)')",
              "'a'.matches('[a-]')", "'a'.matches('[]a]')", "'a'.matches('[^]a]')", "'a'.matches('a**')",
              "'a'.matches('a++')", "'a'.matches('a*+')", "'a'.matches('a{,2}')", "'a{,2}'.matches('a{,2}')",
              "'a'.matches('\\\\e')", "'\\u00e9'.matches('\\\\xe9')", "'a'.matches('(?s:.)')", "'\\n'.matches('.')",
              "'\\r'.matches('^$')", "'a'.matches('\\\\Qa')", "'ab'.matches('^(a|ab)$')", "'a'.matches('[[:^alpha:]]')",
              "'a'.matches('[[:foo:]]')", "'a'.matches('\\\\pZ')", "'a'.matches('\\\\p{Zs}')", "' '.matches('\\\\s')",
              "'\\u00a0'.matches('\\\\s')", "'\\v'.matches('\\\\s')", "'\\u00a0'.matches('[[:space:]]')",
              "'a'.matches('\\\\b')", "'é'.matches('\\\\bé\\\\b')", "'aé'.matches('a\\\\B')", "'a'.matches('(?-i)a')",
              "'a'.matches('(?x) a')", "'a'.matches('(?m)')", "'A'.matches('[[:lower:]]')", "'A'.matches('(?i)[[:lower:]]')",
              "'a'.matches('(|a)')", "'a'.matches('a{2,1}')", "'a'.matches('\\\\pX')", "'a'.matches('\\\\p{Greek}')",
              "'a'.matches('\\\\p{IsGreek}')", "'a'.matches('\\\\p{InGreek}')", "'a'.matches('\\\\p{Han}')",
              "'a'.matches('\\\\p{L&}')", "'a'.matches('\\\\p{Any}')", "'a'.matches('.\\\\z')", "'a'.matches('\\\\A')",
              "'\\U0001F600'.matches('[\\\\x{1F600}]')", "'\\U0001F600'.matches('\\\\x{1F600}')", "'a'.matches('[a-\\\\x{10FFFF}]')",
              "'a'.matches('\\\\x{110000}')", "'a'.matches('\\\\Ca')", "'a'.matches('\\\\cA')", "'a'.matches('\\\\N{LATIN SMALL LETTER A}')",
              "'a'.matches('[[=a=]]')", "'a'.matches('[a&&b]')", "'a'.matches('[a[b]]')", "'[b]'.matches('[a[b]]')",
              "'a'.matches('(?i)\\\\Q A\\\\E')", "'ſ'.matches('(?i)s')", "'s'.matches('(?i)ſ')", "'a'.matches('a{001}')",
              "'a'.matches('\\\\z\\\\A')", "'a'.matches('^*a')", "'a'.matches('$*')", "'a'.matches('(?i)(?-i)A')",
              "'a'.matches('\\\\Pl')", "'a'.matches('\\\\p{^L}')", "'a'.matches('\\\\P{^L}')", "'a'.matches('[\\\\d-z]')",
              "'a'.matches('[z-a]')", "'a'.matches('x{2}{3}')", "'a'.matches('\\\\_')", "'a'.matches('\\\\ ')", "'a'.matches('\\\\-')"]:
        yield e


NUMS = ['0', '1', '-1', '1u', '0u', '1.0', '-0.0', '0.0', '1.5', '-1.5', '0.5', '-0.5', '2.5', '-2.5',
        '9223372036854775807', '-9223372036854775808', '18446744073709551615u', '9223372036854775808u',
        '9223372036854775807.0', '9223372036854775808.0', '-9223372036854775808.0', '-9223372036854777856.0',
        '9223372036854774784.0', '18446744073709551615.0', '18446744073709551616.0', '18446744073709549568.0',
        '1e19', '-1e19', '1e100', "double('NaN')", "double('Inf')", "double('-Inf')", '1e-320', '4.9e-324',
        '1.7976931348623157e308', '0.1', '3', '-3', '2u', '7', '-7', '2', '-2']
NUMSTRS = ['0', '1', '-1', '+1', '-0', '1.0', '1e3', '0x10', '010', ' 1', '1 ', '', '9223372036854775807',
           '9223372036854775808', '-9223372036854775808', '-9223372036854775809', '18446744073709551615',
           '18446744073709551616', '1_000', '١', 'NaN', 'nan', 'Inf', 'inf', '+Inf', '-Inf', 'Infinity',
           '-infinity', 'INF', '1e309', '-1e309', '1e-400', '0x1p3', '1.', '.5', '.', 'e3', '1e', '1E+3',
           '0b101', '0o17', '1_0.5', '+.5', '-.5', '00', '-00', '+0', '1e+', '1.5e-3', '0x1.8p1', '0X10',
           '4.9e-324', '2.5e-324', '1e-323', '123456789012345678901234567890', 'true', '1u', '1.0e0']
INTS = ['0', '1', '-1', '2', '-2', '3', '-3', '7', '-7', '9223372036854775807', '-9223372036854775808',
        '4611686018427387904', '-4611686018427387904', '3037000500', '-3037000500', '4294967296']
UINTS = ['0u', '1u', '2u', '3u', '7u', '18446744073709551615u', '9223372036854775808u', '4294967296u']
DBLS = ['0.0', '-0.0', '1.0', '-1.0', '0.1', '0.2', '0.3', '1.5', '3.0', '1e100', '1e-100', '1e308', '-1e308',
        '1e-320', "double('NaN')", "double('Inf')", "double('-Inf')", '2.5', '100.0', '123456789.123456789',
        '1e21', '1e20', '1e-7', '1e-6', '1e-5', '0.000001', '1234567.0', '12345678.9', '1.7976931348623157e308',
        '4.9e-324', '5e-324', '0.30000000000000004', '1e15', '1e16', '1e17', '123e18', '9007199254740993.0']
def num_exprs():
    for n in NUMS:
        for f in ['int', 'uint', 'double', 'string', 'type', 'dyn']:
            yield f'{f}({n})'
    for s in NUMSTRS:
        for f in ['int', 'uint', 'double']:
            yield f'{f}({q(s)})'
        yield f'string(double({q(s)}))'
    for ops, vals in [(['+', '-', '*', '/', '%', '<', '<=', '==', '!=', '>', '>='], INTS),
                      (['+', '-', '*', '/', '%', '<', '==', '>='], UINTS),
                      (['+', '-', '*', '/', '<', '<=', '==', '!=', '>', '>='], DBLS)]:
        for a in vals:
            for b in vals:
                for op in ops:
                    yield f'{a} {op} {b}'
        for a in vals:
            yield f'-{a}' if not a.startswith('-') else f'-({a})'
            yield f'string({a})'
    # cross-type comparisons
    mixed = ['1', '1u', '1.0', '-1', '0u', '-0.0', '2', '2u', '1.5', "double('NaN')", '9223372036854775807',
             '18446744073709551615u', '9223372036854775808.0', '18446744073709551616.0', '-9223372036854775808',
             '-9223372036854775809.0', "double('Inf')", "double('-Inf')", '9223372036854775807.0', '18446744073709551615.0']
    for a in mixed:
        for b in mixed:
            for op in ['==', '<', '<=', '>', '>=', '!=']:
                yield f'dyn({a}) {op} dyn({b})'
            yield f'dyn({a}) in [{b}]'
            yield f'dyn({a}) in {{{b}: 1}}'
            yield f'[dyn({a})] == [dyn({b})]'
            yield f'{{dyn({a}): 1}} == {{dyn({b}): 1}}'
        yield f'{{1: "a"}}[{a}]' if True else ''
        yield f'{{1u: "a"}}[{a}]'
        yield f'{{true: "a"}}[dyn({a})]'
        yield f'{{1: "a", 1u: "b"}}'
        yield f'{{dyn(1): "a", dyn(1u): "b"}}'
        yield f'{{dyn(1): "a", dyn(1.0): "b"}}'
        yield f'{{dyn(1): "a", dyn(true): "b"}}'
        yield f'math.greatest({a}, 1)'
        yield f'math.least([{a}, 1u, -1])'
    for e in ['{1: "a"}[?1u]', '{1: "a"}[?1.0]', '{1: "a"}.?a', '{1.0: "a"}', '{1.5: "a"}', '{null: 1}',
              '{[1]: 1}', '{1: 1}[1.5]', '1 in {1.0: 2}', '1.5 in {1: 2}', '[1, 2][1u]', '[1, 2][1.0]',
              '[1, 2][dyn(1u)]', '[1, 2][dyn(1.0)]', '[1, 2][dyn(1.5)]', '[1, 2][-1]', '[1, 2][dyn(-1.0)]',
              "1 + 1u", "dyn(1) + dyn(1u)", "dyn(1) + dyn(1.0)", "dyn(1u) * dyn(2u)", "1 / 0", "1 % 0", "1u / 0u",
              "1u % 0u", "1.0 / 0.0", "-1.0 / 0.0", "0.0 / 0.0", "1.0 % 1.0", "0u - 1u", "18446744073709551615u + 1u",
              "-9223372036854775808 / -1", "-(-9223372036854775808)", "-9223372036854775807 - 2",
              "int(-9223372036854775808.0)", "int(9223372036854775807.0)", "int(-9223372036854775809.0)",
              "uint(18446744073709551615.0)", "uint(-0.0)", "uint(-0.9)", "int(-0.5)", "int(0.9999999999999999)",
              "uint(1e19)", "int(1e19)", "int(double('NaN'))", "uint(double('Inf'))", "int(-1e19)", "uint(-1)",
              "int(18446744073709551615u)", "int(9223372036854775808u)", "uint(-9223372036854775808)",
              "double(18446744073709551615u)", "double(9223372036854775807)", "string(double(9223372036854775807))",
              "9223372036854775808", "-9223372036854775809", "18446744073709551616u", "0x8000000000000000",
              "-0x8000000000000000", "0xFFFFFFFFFFFFFFFFu", "0x10000000000000000u", "1e400", "-1e400", "1e-400",
              "01", "1.", ".5", "1.e5", "1e+5", "0x", "0xg", "1_000", "1u + 1", "int('0')", "-0", "- 1", "--1",
              "---1", "-1u", "-(1u)", "!1", "1 == 1.0", "1 == 1u", "1u == 1.0", "dyn(1) == 1.0", "[1] == [1.0]",
              "[1] == [1u]", "{'a': 1} == {'a': 1.0}", "{1: 'a'} == {1u: 'a'}", "{1: 'a'} == {1.0: 'a'}",
              "double('NaN') == double('NaN')", "[double('NaN')] == [double('NaN')]",
              "double('NaN') in [double('NaN')]", "{'a': double('NaN')} == {'a': double('NaN')}",
              "dyn(double('NaN')) < 1", "dyn(double('NaN')) > 1u", "dyn(double('NaN')) != 1", "1 < dyn(double('NaN'))",
              "math.greatest(double('NaN'), 1.0)", "math.least(1, double('NaN'))", "[3, 1u, 2.5].sort()",
              "sets.contains([1, 2u, 3.0], [1u, 2.0, 3])", "sets.equivalent([1], [1.0, 1u])", "sets.intersects([1.5], [1])",
              "sets.contains([double('NaN')], [double('NaN')])", "sets.contains([[1]], [[1.0]])",
              "sets.equivalent([{'a': 1}], [{'a': 1u}])", "sets.intersects([], [])", "sets.contains([], [])",
              "sets.contains([1], [])", "sets.equivalent([], [1])", "sets.contains([true], [1])",
              "sets.intersects([null], [null])", "sets.contains(['a', 1], [1u, 'a'])",
              "math.abs(-9223372036854775808)", "math.abs(-1)", "math.abs(-0.0)", "math.ceil(1.5)", "math.floor(-1.5)",
              "math.round(2.5)", "math.round(-2.5)", "math.round(0.49999999999999994)", "math.trunc(-1.5)",
              "math.sign(-0.0)", "math.sign(double('NaN'))", "math.sign(0u)", "math.isNaN(1.0)", "math.isInf(double('-Inf'))",
              "math.isFinite(1e308 * 10.0)", "math.bitAnd(3, 5)", "math.bitOr(1u, 2u)", "math.bitXor(-1, 1)",
              "math.bitNot(0)", "math.bitNot(0u)", "math.bitShiftLeft(1, 63)", "math.bitShiftLeft(1, 64)",
              "math.bitShiftLeft(1, -1)", "math.bitShiftRight(-1, 1)", "math.bitShiftRight(-8, 100)",
              "math.bitShiftLeft(1u, 64)", "math.bitShiftRight(18446744073709551615u, 63)", "math.round(1e300)",
              "math.ceil(double('NaN'))", "math.round(double('-Inf'))", "math.abs(double('-Inf'))", "math.sqrt(4)",
              "math.sqrt(-1.0)", "math.sqrt(2u)", "math.greatest([])", "math.least([1, 'a'])", "math.greatest(1, 2u, 3.5)",
              "math.greatest(-0.0, 0.0)", "math.least(0.0, -0.0)", "string(math.least(0.0, -0.0))"]:
        yield e


TS = ['0001-01-01T00:00:00Z', '9999-12-31T23:59:59.999999999Z', '0000-12-31T23:59:59Z', '10000-01-01T00:00:00Z',
      '1970-01-01T00:00:00Z', '2020-02-29T12:34:56.789Z', '2021-02-29T00:00:00Z', '2020-01-01T00:00:00.1Z',
      '2020-01-01T00:00:00.123456789Z', '2020-01-01T00:00:00.1234567891Z', '2020-01-01T00:00:00.000Z',
      '2020-01-01T00:00:00+05:30', '2020-01-01T00:00:00-08:00', '2020-01-01T00:00:00+24:00', '2020-01-01t00:00:00z',
      '2020-01-01 00:00:00Z', '2020-01-01T00:00:00', '2020-01-01T24:00:00Z', '2020-01-01T23:59:60Z',
      '2020-1-01T00:00:00Z', '2020-01-01T00:00:00.Z', '2020-01-01T00:00:00,5Z', '2020-12-31T23:59:59+14:00',
      '2020-01-01T00:00:00+00:00', '2020-01-01T00:00:00-00:00', '2020-01-01T00:00:00+0530', '1969-12-31T23:59:59.5Z',
      '0001-01-01T00:00:00+01:00', '9999-12-31T23:59:59-01:00', '2020-06-15T12:00:00Z', '2020-03-08T07:00:00Z',
      '2020-11-01T05:30:00Z', '1900-01-01T00:00:00Z']
TZS = ['', 'UTC', 'America/New_York', 'Asia/Kolkata', 'Europe/London', '+05:30', '-08:00', '05:30', '+5:30',
       '+0530', '+24:00', '+14:00', '-00:00', 'Z', 'utc', 'EST', 'Etc/GMT+5', 'Local', 'Australia/Lord_Howe',
       'Asia/Kathmandu', 'Nowhere/City', '+05', '+05:30:00', 'America/Sao_Paulo', 'Pacific/Chatham', 'GMT',
       '-23:59', '+99:00', ' UTC', 'GMT+0', 'GMT-0', 'GMT0', 'Factory', 'SystemV/EST5', 'Etc/GMT+5', 'Europe/Kyiv',
       'UTC+5', 'PST', 'Zulu', 'UCT']
GETTERS = ['getFullYear', 'getMonth', 'getDayOfYear', 'getDayOfMonth', 'getDate', 'getDayOfWeek', 'getHours',
           'getMinutes', 'getSeconds', 'getMilliseconds']
DURS = ['0s', '-0s', '1s', '1h1m', '1.5h', '.5s', '1.s', '1us', '1\u00b5s', '1\u03bcs', '1ns', '1ms', '-1.5s', '+1s',
        '1h-1m', '1', '', 's', '1d', '1H', '100000000h', '2562047h', '2562048h', '9223372036s',
        '-9223372036.854775808s', '9223372036.854775807s', '9223372036.854775808s', '315576000000s',
        '315576000001s', '1.000000001s', '0.0000000001s', '1e3s', '1h 1m', '01s', '1m1h', '1s1s',
        '2562047h47m16.854775807s', '2562047h47m16.854775808s', '-2562047h47m16.854775808s', '0.5ms',
        '1.5\u00b5s', '3m0.5s', '1000ms', '-.5s', '.s', '1..5s', '0x10s', '1_0s', '1sm', '1hh', '0']
def time_exprs():
    for t in TS:
        T = f'timestamp({q(t)})'
        yield T
        yield f'string({T})'
        yield f'int({T})'
        yield f'{T} + duration(\'1ns\')'
        yield f'{T} - timestamp(\'1970-01-01T00:00:00Z\')'
        yield f'{T} + duration(\'87600h\')'
        yield f'{T} - duration(\'87600h\')'
        for g in GETTERS:
            yield f'{T}.{g}()'
        for tz in random.sample(TZS, 10):
            g = random.choice(GETTERS)
            yield f'{T}.{g}({q(tz)})'
    for tz in TZS:
        for g in ['getHours', 'getMinutes', 'getDayOfWeek', 'getDate', 'getFullYear']:
            yield f"timestamp('2020-03-08T07:30:00Z').{g}({q(tz)})"
    for d in DURS:
        D = f'duration({q(d)})'
        yield D
        yield f'string({D})'
        yield f'int({D})'
        for g in ['getHours', 'getMinutes', 'getSeconds', 'getMilliseconds']:
            yield f'{D}.{g}()'
        yield f'{D} + {D}'
        yield f'{D} - duration(\'-1s\')'
        yield f'-{D}'
        yield f'{D} < duration(\'1s\')'
        yield f'timestamp(\'2020-01-01T00:00:00Z\') + {D}'
    for i in ['0', '1', '-1', '253402300799', '253402300800', '-62135596800', '-62135596801', '9223372036854775807',
              '1u', '1.5', "'1'"]:
        yield f'timestamp({i})'
        yield f'string(timestamp({i}))'
        yield f'duration({i})'
        yield f'string(duration({i}))'
    for e in ["timestamp('9999-12-31T23:59:59Z') + duration('1s')", "timestamp('0001-01-01T00:00:00Z') - duration('1s')",
              "timestamp('9999-12-31T23:59:59Z') - timestamp('0001-01-01T00:00:00Z')",
              "duration('2562047h') + duration('2562047h')", "duration('-2562047h') - duration('2562047h')",
              "duration('2562047h') * 2", "-duration('-2562047h47m16.854775808s')",
              "timestamp('2020-01-01T00:00:00Z') - timestamp('1700-01-01T00:00:00Z')",
              "timestamp('1970-01-01T00:00:00Z') - timestamp('2262-04-11T23:47:16.854775808Z')",
              "timestamp('2262-04-11T23:47:16.854775807Z') - timestamp('1970-01-01T00:00:00Z')",
              "timestamp('2262-04-11T23:47:16.854775808Z') - timestamp('1970-01-01T00:00:00Z')",
              "duration('1s') == duration('1000ms')", "duration('1s') > duration('999999999ns')",
              "timestamp('2020-01-01T00:00:00Z') == timestamp('2020-01-01T01:00:00+01:00')",
              "timestamp('2020-01-01T00:00:00Z') < timestamp('2020-01-01T00:00:00.000000001Z')",
              "type(timestamp(0))", "type(duration('1s'))", "timestamp(timestamp(0))", "duration(duration('1s'))",
              "string(timestamp('2020-01-01T00:00:00.100Z'))", "string(timestamp('2020-01-01T00:00:00.120000Z'))",
              "string(timestamp('2020-01-01T00:00:00.000001Z'))", "string(duration('0.100s'))", "string(duration('1.000001s'))",
              "string(duration('-0.5s'))", "string(duration('3600s'))", "string(duration('1ns'))",
              "duration('1h').getMinutes()", "duration('-90m').getHours()", "duration('1.9999s').getMilliseconds()",
              "duration('-1.9999s').getMilliseconds()", "duration('59.9s').getSeconds()",
              "timestamp('2020-01-01T00:00:00Z').getMilliseconds('+05:30')", "timestamp('1969-12-31T23:59:59.999Z').getMilliseconds()",
              "timestamp('1969-12-31T23:59:59.999Z').getSeconds()", "timestamp('0001-01-01T00:00:00Z').getDayOfWeek()",
              "timestamp('0001-01-01T00:00:00Z').getFullYear('-01:00')", "timestamp('9999-12-31T23:59:59Z').getFullYear('+01:00')",
              "timestamp('2020-01-01T00:00:00Z') + duration('-1ns')", "int(timestamp('1969-12-31T23:59:59.5Z'))",
              "timestamp('2020-01-01T00:00:00Z') > timestamp('2019-01-01T00:00:00Z')",
              "duration('1s') + timestamp('2020-01-01T00:00:00Z')", "duration('1s') - timestamp('2020-01-01T00:00:00Z')",
              "timestamp('2020-01-01T00:00:00Z') + timestamp('2020-01-01T00:00:00Z')", "duration('1s') * 2",
              "duration('1s') / 2", "duration('1s') == dyn(1)", "dyn(duration('1s')) in [duration('1000ms')]",
              "{duration('1s'): 1}", "{timestamp(0): 1}", "[duration('1s'), duration('0s')].sort()",
              "math.greatest(duration('1s'), duration('2s'))", "string(duration('315576000000s'))",
              "duration('315576000000s') + duration('1s')", "duration('-315576000000s') - duration('1s')"]:
        yield e


def opt_exprs():
    vals = ['null', '1', "'a'", '[1, 2]', "{'a': 1, 'b': {'c': 2}}", "{'a': null}", '[]', '{}', "optional.none()",
            "optional.of(1)", "dyn({'a': 1})", "dyn([1])", 'object', 'object.metadata', '1.5', "{1: 'x'}"]
    for v in vals:
        yield f'{v}.?a'
        yield f'{v}.?a.?c'
        yield f'{v}.?a.orValue(9)'
        yield f'{v}[?0]'
        yield f"{v}[?'a']"
        yield f"{v}[?'a'].hasValue()"
        yield f'{v}[?1].orValue(9)'
        yield f'{v}[?0u]'
        yield f'{v}[?-1]'
        yield f'{v}[?0.0]'
        yield f'has({v}.a)'
        yield f'{v}.a'
        yield f"{v}['a']"
        yield f'optional.of({v})'
        yield f'optional.of({v}).value()'
        yield f'optional.ofNonZeroValue({v})'
        yield f'optional.ofNonZeroValue({v}).hasValue()'
        yield f'optional.of({v}).optMap(x, x)'
        yield f'optional.of({v}).optFlatMap(x, optional.of(x))'
        yield f'optional.of({v}).or(optional.none())'
        yield f'optional.none().or(optional.of({v}))'
        yield f'optional.of({v}) == optional.of({v})'
        yield f'[?optional.of({v})]'
        yield f"{{?'k': optional.of({v})}}"
        yield f'size({v})'
        yield f'{v} == null'
        yield f'type({v})'
        yield f'{v}.all(x, x == 1)'
        yield f'{v}.exists(x, x == 1)'
        yield f'{v}.exists_one(x, true)'
        yield f'{v}.map(x, x)'
        yield f'{v}.filter(x, true)'
        yield f'{v}.all(x, y, true)'
    for e in ["optional.none().value()", "optional.none().orValue(1)", "optional.none().hasValue()",
              "optional.none() == optional.none()", "optional.of(1) == optional.of(1u)", "optional.of(1) == optional.none()",
              "optional.of(null).hasValue()", "optional.of(null).value()", "optional.ofNonZeroValue(null)",
              "optional.ofNonZeroValue('')", "optional.ofNonZeroValue(0u)", "optional.ofNonZeroValue(0.0)",
              "optional.ofNonZeroValue(-0.0)", "optional.ofNonZeroValue(false)", "optional.ofNonZeroValue([])",
              "optional.ofNonZeroValue({})", "optional.ofNonZeroValue(b'')", "optional.ofNonZeroValue(duration('0s'))",
              "optional.ofNonZeroValue(timestamp(0))", "optional.ofNonZeroValue(optional.none())",
              "optional.none().optMap(x, x)", "optional.none().optFlatMap(x, optional.of(x))",
              "optional.of(1).optFlatMap(x, 1)", "optional.of(1).optMap(x, 1 / 0)", "optional.none().optMap(x, 1 / 0)",
              "optional.of(1).or(1)", "optional.of(1).orValue(1 / 0)", "optional.none().or(optional.of(1 / 0))",
              "optional.of(optional.of(1)).value().value()", "optional.of(1).value() + 1", "[?optional.none()]",
              "[1, ?optional.none(), 2]", "{?'a': optional.none(), 'b': 1}", "{?1: optional.of(2)}",
              "[1, 2][?2]", "[1, 2][?1]", "[1, 2][?dyn(1u)]", "[1, 2][?dyn(1.0)]", "[1, 2][?dyn(1.5)]",
              "{'a': 1}.?b.orValue(2)", "{'a': {'b': 1}}.?a.b", "{'a': {'b': 1}}.?a.?b.value()", "{'a': {'b': 1}}.?x.b",
              "{'a': {'b': 1}}.?x.b.orValue(3)", "optional.of({'a': 1}).a", "optional.of({'a': 1}).?a",
              "optional.of([1])[0]", "optional.of([1])[?0]", "optional.none()[0]", "optional.none().a",
              "optional.of(1).a", "optional.of(1)[?0]", "has(optional.of({'a': 1}).a)",
              "object.?metadata.?labels", "object.?metadata.?labels.orValue({})", "object.?metadata.?name.orValue('x')",
              "object.metadata.?labels.?app", "object.metadata.labels", "has(object.metadata.labels)",
              "has(object.metadata)", "has(object.spec)", "has(object.metadata.name)", "object.metadata['labels']",
              "object.metadata[?'labels']", "object.metadata[?'name']", "object['metadata'].name", "object.spec.replicas",
              "object.?spec.replicas", "object.?spec.replicas.orValue(1)", "'name' in object.metadata",
              "'labels' in object.metadata", "object.metadata.size()", "size(object)", "object.map(k, k)",
              "object.metadata.all(k, v, v == 'web')", "object.metadata.name.startsWith('w')", "object == {'metadata': {'name': 'web'}}",
              "object.metadata == {'name': 'web'}", "type(object)", "type(object.metadata.name)", "object.metadata.name == 1",
              "object.metadata.exists(k, k == 'name')", "object.metadata.filter(k, true)",
              "object.metadata.transformMap(k, v, v + '!')", "object.metadata.?name.optMap(n, n.size())",
              "object.metadata.?labels.optMap(n, n.size()).orValue(0)", "object.?metadata.?annotations['x']",
              "object.?metadata.?annotations[?'x'].orValue('d')", "has(object.metadata.labels.app)",
              "object.metadata.labels.app", "object.metadata.labels['app']", "object.nope.nope", "has(object.nope.nope)",
              "object.metadata.name + object.metadata.name", "[object.metadata.name].join(',')",
              "object.metadata.name in ['web']", "object.metadata.name.matches('^w')", "dyn(object).metadata.name",
              "oldObject", "oldObject.metadata", "has(oldObject.metadata)", "oldObject.?metadata", "params", "params.?x",
              "request.operation", "request.?operation", "namespaceObject", "namespaceObject.?metadata",
              "authorizer", "variables", "variables.?x"]:
        yield e
    # macros with errors: commutative && / ||
    bodies = ['1 / 0 == 1', 'x / 0 == 1', 'x == 1', 'x > 1', 'x == 2 || 1 / 0 == 1', '1 / 0 == 1 || x == 2',
              'x == 2 && 1 / 0 == 1', '1 / 0 == 1 && x == 2', "x == 'a'", 'x.a', 'true', 'false', 'x == 1 || x / 0 == 1']
    ranges = ['[1, 2, 3]', '[0, 1]', '[2]', '[]', "{1: 'a', 2: 'b'}", "{'a': 1}", "[1, 'a']", "[0, 2]", "[2, 0]"]
    for r in ranges:
        for b in bodies:
            for m in ['all', 'exists', 'exists_one', 'filter', 'map']:
                yield f'{r}.{m}(x, {b})'
            yield f'{r}.map(x, x > 0, {b})'
            yield f'{r}.all(i, x, {b})'
            yield f'{r}.exists(i, x, {b})'
            yield f'{r}.existsOne(i, x, {b})'
            yield f'{r}.exists_one(i, x, {b})'
            yield f'{r}.transformList(i, x, {b})'
            yield f'{r}.transformList(i, x, {b}, x)'
            yield f'{r}.transformMap(i, x, {b})'
            yield f'{r}.transformMapEntry(i, x, {{string(i): {b}}})'
    for a in ['true', 'false', '1 / 0 == 1', "{}.a", 'null', '1']:
        for b in ['true', 'false', '1 / 0 == 1', "{}.a", 'null', '1']:
            yield f'{a} && {b}'
            yield f'{a} || {b}'
            yield f'{a} ? {b} : 1'
            yield f'!{a}'
    for e in ["[1, 2].all(i, v, i < v)", "{'a': 1}.exists(k, v, k == 'a' && v == 1)", "[1, 2].transformMapEntry(i, v, {v: i})",
              "[1, 1].transformMapEntry(i, v, {v: i})", "{'a': 1}.transformMapEntry(k, v, {v: k})",
              "[1, 2].transformMap(i, v, v)", "{'a': 1, 'b': 2}.transformList(k, v, k)", "{'a': 1}.map(k, v)",
              "[[1, 2], [3]].map(l, l.map(x, x * 2))", "[1, 2, 3].map(x, x).map(x, x)", "cel.bind(x, 1 / 0, true)",
              "cel.bind(x, [1, 2], x.map(y, y + x.size()))", "[1, 2].exists(x, x == 1) && [].all(x, false)",
              "[1, 2].map(x, [x]).flatten()", "dyn([1, 'a']).all(x, x == 1)", "[1, 2].all(x, x)",
              "[1, 2].exists(x, 'a')", "[null].all(x, x == null)", "[1, 2].filter(x, null)", "[1].map(x, optional.of(x))",
              "{'a': 1, 'b': 2}.filter(k, k == 'a')", "{'a': 1, 'b': 2}.map(k, k)", "{1: 1, 2u: 2}.map(k, k)",
              "[1, 2].exists_one(x, x > 0)", "{'a': 1}.all(k, k == 'b' || 1 / 0 == 1)"]:
        yield e
    for a in ["[1, 2u, 3.0]", "[1]", "[1u]", "[1.0]", "[1.5]", "[]", "['1']", "[true]", "[null]", "[[1]]", "[{1: 2}]",
              "[double('NaN')]", "[-0.0]", "[0]", "[0u]", "[18446744073709551615u]", "[18446744073709551615.0]"]:
        for b in ["[1, 2u, 3.0]", "[1]", "[1u]", "[1.0]", "[1.5]", "[]", "[true]", "[[1.0]]", "[{1u: 2.0}]",
                  "[double('NaN')]", "[0.0]", "[0u]", "[18446744073709551616.0]"]:
            for f in ['contains', 'equivalent', 'intersects']:
                yield f'sets.{f}({a}, {b})'


def ip_fuzz_exprs():
    """Random strings of IP-ish tokens: the parser's grammar, canonical text and the range predicates."""
    toks = ['0', '1', '00', '000', '0000', '00000', 'ffff', 'FFFF', 'fe80', 'ff02', 'abcd', '12345', ':', '::',
            ':::', '.', '1.2.3.4', '255', '256', '01', '%', '%eth0', '/', '8', '/64', '/128', '/0', '/33', 'g', '-',
            '1.2.3', '::ffff:', '0.0.0.0', 'ff']
    seen = set()
    while len(seen) < 3000:
        seen.add(''.join(random.choice(toks) for _ in range(random.randint(1, 7))))
    for s in sorted(seen):
        S = q(s)
        yield f'isIP({S})'
        yield f'isCIDR({S})'
        yield f"isIP({S}) ? string(ip({S})) : ''"
        yield (f'isCIDR({S}) ? [string(cidr({S})), string(cidr({S}).masked()), string(cidr({S}).ip())] : []')
        yield (f'isIP({S}) ? [ip({S}).isGlobalUnicast(), ip({S}).isLoopback(), ip({S}).isLinkLocalUnicast(), '
               f'ip({S}).isLinkLocalMulticast(), ip({S}).isUnspecified(), ip.isCanonical({S})] : []')
    for a in [0, 1, 10, 100, 126, 127, 128, 169, 172, 192, 198, 203, 223, 224, 225, 239, 240, 254, 255]:
        for b in [0, 1, 168, 254, 255]:
            S = q(f'{a}.{b}.0.1')
            yield (f'[ip({S}).isGlobalUnicast(), ip({S}).isLoopback(), ip({S}).isLinkLocalUnicast(), '
                   f'ip({S}).isLinkLocalMulticast(), ip({S}).isUnspecified()]')


def regex_fuzz_exprs():
    """Random RE2 patterns from tokens (escapes, classes, flags, repeats, literal braces)."""
    toks = ['a', 'b', '.', '*', '+', '?', '|', '(', ')', '[', ']', '^', '$', '{2}', '{1,}', '{,3}', '{0}', '\\d',
            '\\w', '\\s', '\\b', '\\B', '\\pL', '\\p{Greek}', '\\PN', '[[:alpha:]]', '[^a]', '(?i)', '(?s)',
            '(?m)', '(?U)', '\\x41', '\\Q.\\E', '\u00e9', '\U0001F600', '\\z', '\\A', '[a-c]', '-', '(?:', '(?P<n>',
            '\\.', '\\\\', '\\n', '\\t', '\\v', '\\f', '\\r', '\\0', '\\1', '\\C', '\\X', '\\R', '\\h',
            '\\K', '\\G', '\\Z', '\\e', '\\a', '\\cA', '\\N', '\\o{101}', '\\x{1F600}', '[\\d]', '[\\b]',
            '[.]', '[\\pL]', '[[:^digit:]]', '[:alpha:]', '[a-]', '[]a]', '[^]a]', '{', '}', 'a{1001}', 'x{2,1}',
            '\\p{Lu}', '\\p{Han}', '\\p{Sc}', '\\p{Zs}', '\\p{Cc}', '\\p{Cf}', '\\p{Co}', '\\p{Cs}',
            '\\p{Any}', '\\pZ', '\\pC', '\\pM', '\\pP', '\\pS']
    subs = ['', 'a', 'ab', 'aab', 'abc', 'A', '\u00e9', '\U0001F600', 'a.b', '1', '\u0663', ' ', '\n', 'a\nb', 'ba',
            'AB12', '\u03b1\u03b2\u03b3', '\u4e2d', '$', '\t', '\u00a0', '\u200b', '\u2028', 'x{2}']
    seen = set()
    while len(seen) < 2500:
        seen.add(''.join(random.choice(toks) for _ in range(random.randint(1, 4))))
    for r in sorted(seen):
        s = random.choice(subs)
        s2 = random.choice(subs)
        yield f'{q(s)}.matches({q(r)})'
        yield f'{q(s2 + s)}.find({q(r)})'
        yield f'{q(s + s2 + s)}.findAll({q(r)})'


def conv_exprs():
    """Every conversion function on every kind of value, bool() of strings, bytes round trips."""
    for s in ['true', 'false', 'True', 'FALSE', 't', 'f', 'T', 'F', '1', '0', 'TRUE', 'tRuE', 'yes', '', ' true']:
        yield f'bool({q(s)})'
    for v in ['true', '1', '1u', '1.5', "b'a'", "'a'", 'null', '[1]', "{'a': 1}", "duration('1s')", 'timestamp(0)']:
        for f in ['bool', 'bytes', 'string', 'int', 'uint', 'double', 'duration', 'timestamp', 'dyn', 'type']:
            yield f'{f}({v})'
    for s in ['', 'a', '\u00e9', '\U0001F600', 'a\u0000', '\u007f']:
        yield f'bytes({q(s)})'
        yield f'string(bytes({q(s)}))'


def time_arith_exprs():
    """Timestamp and duration arithmetic at the int64-nanosecond and year 1..9999 edges."""
    ts = ["timestamp('0001-01-01T00:00:00Z')", "timestamp('9999-12-31T23:59:59.999999999Z')",
          "timestamp('1970-01-01T00:00:00Z')", "timestamp('2262-04-11T23:47:16.854775807Z')",
          "timestamp('1677-09-21T00:12:43.145224192Z')", "timestamp('1677-09-21T00:12:43.145224191Z')"]
    ds = ["duration('0s')", "duration('1ns')", "duration('-1ns')", "duration('2562047h47m16.854775807s')",
          "duration('-2562047h47m16.854775808s')", "duration('1h')"]
    for t in ts:
        for d in ds:
            yield f'string({t} + {d})'
            yield f'string({t} - {d})'
            yield f'string({d} + {t})'
        for u in ts:
            yield f'string({t} - {u})'
            yield f'{t} < {u}'
        for g in ['getFullYear', 'getDayOfYear', 'getMilliseconds', 'getDayOfWeek']:
            for tz in ['', '-14:00', '+14:00', 'Pacific/Kiritimati']:
                yield f'{t}.{g}({q(tz)})' if tz else f'{t}.{g}()'
    for d in ds:
        for e in ds:
            yield f'string({d} + {e})'
            yield f'string({d} - {e})'
            yield f'{d} < {e}'
        yield f'int({d})'
        for g in ['getHours', 'getMinutes', 'getSeconds', 'getMilliseconds']:
            yield f'{d}.{g}()'


def time_fuzz_exprs():
    """Random duration and RFC 3339 texts (parsed at run time, through dyn), edge duration getters."""
    units = ['1', '0', '00', '9', '.', '5', 'h', 'm', 's', 'ms', 'us', '\u00b5s', '\u03bcs', 'ns', '-', '+', '1.5',
             '.5', '0.', '123456789', '9223372036', '854775808', '2562047', 'e', 'd', ' ', 'H', 'S', 'mss']
    seen = set()
    while len(seen) < 4000:
        seen.add(''.join(random.choice(units) for _ in range(random.randint(1, 6))))
    for s in sorted(seen):
        yield f'string(duration(dyn({q(s)})))'
    parts = ['2020', '0001', '9999', '-', '01', '12', '13', '00', '29', '30', '31', 'T', 't', ':', '23', '24', '59',
             '60', '.', '5', '123456789', 'Z', 'z', '+', '05:30', '24:00', '14:60', '1', ',', ' ']
    seen = set()
    while len(seen) < 4000:
        p = ['2020', '-', '01', '-', '01', 'T', '00', ':', '00', ':', '00', 'Z']
        for _ in range(random.randint(1, 3)):
            i = random.randrange(len(p))
            op = random.random()
            if op < 0.4:
                p[i] = random.choice(parts)
            elif op < 0.7:
                p.insert(i, random.choice(parts))
            else:
                del p[i]
        seen.add(''.join(p))
    for s in sorted(seen):
        yield f'string(timestamp(dyn({q(s)})))'
    for d in ['-1.0000005s', '-1.5s', '-0.5s', '-1ns', '-999999ns', '-1000001ns', '-59.9999s', '-61s', '-3599.999s',
              '-3600.5s', '-2562047h47m16.854775808s', '2562047h47m16.854775807s', '1.9999999s', '-90m', '-1h0.5s',
              '0.0000015s', '2562047us', '1.0000005s']:
        for g in ['getHours', 'getMinutes', 'getSeconds', 'getMilliseconds']:
            yield f'duration({q(d)}).{g}()'
        yield f'string(duration({q(d)}))'


def logic_fuzz_exprs():
    """Random &&, ||, ! and ?: over true, false, errors and non-bools, alone and inside macros
    (CEL's commutative error absorption)."""
    atoms = ['true', 'false', '(1/0 == 1)', '({}.a)', 'null', '1', 'dyn(1)', "dyn('a')", 'x', '(x > 1)',
             '(1/x == 1)', '[].all(y, y)', '([1].exists(y, 1/0 == y))']

    def gen(d):
        if d == 0 or random.random() < 0.3:
            return random.choice(atoms)
        op = random.choice(['&&', '||', '!', '?:'])
        if op == '!':
            return '!' + gen(d - 1)
        if op == '?:':
            return f'({gen(d - 1)} ? {gen(d - 1)} : {gen(d - 1)})'
        return f'({gen(d - 1)} {op} {gen(d - 1)})'
    seen = set()
    while len(seen) < 3000:
        e = gen(3)
        if 'x' in e.replace('exists', ''):
            e = (random.choice(['[0, 1, 2]', '[2]', '[0]', '[]']) + '.'
                 + random.choice(['all', 'exists', 'exists_one', 'filter', 'map']) + f'(x, {e})')
        seen.add(e)
    yield from sorted(seen)


AREAS = {'ip': ip_exprs, 'ipfuzz': ip_fuzz_exprs, 'str': str_exprs, 'regex': regex_fuzz_exprs, 'num': num_exprs,
         'conv': conv_exprs, 'time': time_exprs, 'timearith': time_arith_exprs,
         'timefuzz': time_fuzz_exprs, 'opt': opt_exprs,
         'logic': logic_fuzz_exprs}


def main():
    areas = sys.argv[1].split(',') if len(sys.argv) > 1 else list(AREAS)
    random.seed(int(sys.argv[2]) if len(sys.argv) > 2 else 1)
    seen = set()
    for a in areas:
        for e in AREAS[a]():
            if e not in seen and '\n' not in e:
                seen.add(e)
                print(e)


if __name__ == '__main__':
    main()
