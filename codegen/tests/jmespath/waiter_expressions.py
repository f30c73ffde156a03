#!/usr/bin/env python3
"""The JMESPath expressions of botocore's waiters, as tests/fixtures/jmespath/waiter_expressions.json has them.

    python3 codegen/tests/jmespath/waiter_expressions.py check [DATA_DIR]   # the fixture matches botocore
    python3 codegen/tests/jmespath/waiter_expressions.py write [DATA_DIR]   # rewrite it from botocore

DATA_DIR is botocore's `data` directory (`<service>/<api-version>/waiters-2.json`, or `.json.gz`);
without it, that of the `botocore` package this Python imports.
"""
import gzip
import json
import os
import re
import sys

HERE = os.path.dirname(os.path.abspath(__file__))
# Not in fixtures/ itself, whose JSON files every_model.rs reads as service models.
FIXTURE = os.path.join(os.path.dirname(HERE), 'fixtures', 'jmespath', 'waiter_expressions.json')


def data_dir(argv):
    if argv:
        return argv[0]
    try:
        import botocore
    except ImportError:
        sys.exit('botocore is not importable here: pass its data directory')
    return os.path.join(os.path.dirname(botocore.__file__), 'data')


def version(data):
    """botocore's version, from the package the data directory is in."""
    with open(os.path.join(os.path.dirname(os.path.abspath(data)), '__init__.py')) as init:
        match = re.search(r"^__version__ = '([^']+)'", init.read(), re.M)
    return match.group(1) if match else 'unknown'


def waiter_files(data):
    for service in sorted(os.listdir(data)):
        service_dir = os.path.join(data, service)
        if not os.path.isdir(service_dir):
            continue
        for api_version in sorted(os.listdir(service_dir)):
            for name in ('waiters-2.json', 'waiters-2.json.gz'):
                path = os.path.join(service_dir, api_version, name)
                if os.path.exists(path):
                    yield service, path


def build(data):
    """Each distinct `argument` with the waiters (`service.Waiter`, any API version) using it."""
    uses = {}
    acceptors = 0
    for service, path in waiter_files(data):
        opener = gzip.open if path.endswith('.gz') else open
        with opener(path, 'rt', encoding='utf-8') as file:
            waiters = json.load(file)['waiters']
        for waiter_name, waiter in waiters.items():
            for acceptor in waiter['acceptors']:
                if 'argument' in acceptor:
                    acceptors += 1
                    uses.setdefault(acceptor['argument'], set()).add(f'{service}.{waiter_name}')
    return {
        'botocore': version(data),
        'acceptors': acceptors,
        'expressions': [
            {'expression': expression, 'waiters': sorted(waiters)}
            for expression, waiters in sorted(uses.items())
        ],
    }


def dumps(fixture):
    """One expression a line, for readable diffs."""
    lines = [json.dumps(entry, ensure_ascii=False) for entry in fixture['expressions']]
    head = {key: value for key, value in fixture.items() if key != 'expressions'}
    return (json.dumps(head, ensure_ascii=False)[:-1] + ', "expressions": [\n'
            + ',\n'.join(lines) + '\n]}\n')


def main():
    if len(sys.argv) < 2 or sys.argv[1] not in ('check', 'write'):
        sys.exit(__doc__)
    built = build(data_dir(sys.argv[2:]))
    if sys.argv[1] == 'write':
        with open(FIXTURE, 'w', encoding='utf-8') as file:
            file.write(dumps(built))
        print(f"wrote {len(built['expressions'])} expressions of {built['acceptors']} acceptors")
        return
    with open(FIXTURE, encoding='utf-8') as file:
        recorded = json.load(file)
    if recorded == built:
        print(f"the fixture matches botocore {built['botocore']}: {len(built['expressions'])} expressions")
        return
    old = {entry['expression'] for entry in recorded['expressions']}
    new = {entry['expression'] for entry in built['expressions']}
    for expression in sorted(new - old):
        print(f'not in the fixture: {expression}')
    for expression in sorted(old - new):
        print(f'not in botocore: {expression}')
    if recorded.get('botocore') != built['botocore']:
        print(f"the fixture is of botocore {recorded.get('botocore')}, the data of {built['botocore']}")
    sys.exit('the fixture differs from botocore: rerun with `write`')


if __name__ == '__main__':
    main()
