"""Validates the OpenStack face's responses against Tempest's compute response schemas, as Tempest does.

Reads a JSON file of cases, each {"name", "version", "client", "schema", "status", "headers", "body"}, picks the
schema module for the version with Tempest's own table (the service client's schema_versions_info: the module whose
range holds the version, that is the nearest lower one), and checks it as tempest.lib.common.rest_client's
validate_response does: the status among the schema's status codes, the body against its Draft 4 schema with
Tempest's format checker (or no body when the schema has none), the headers against its header schema.
Prints a JSON list of failures (empty when every case passes). Needs python3-jsonschema, python3-oslo.utils and
python3-oslo.serialization (Debian), which scripts/ensure-openstack-cli.sh installs.
"""
import importlib
import json
import os
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))

import jsonschema  # noqa: E402

from tempest.lib.common import jsonschema_validator  # noqa: E402

PREFIX = 'tempest.lib.api_schema.response.compute.'

# tempest/lib/services/compute/servers_client.py ServersClient.schema_versions_info (up to 2.96, the face's maximum).
SERVERS = [
    (None, '2.2', 'v2_1'), ('2.3', '2.5', 'v2_3'), ('2.6', '2.7', 'v2_6'), ('2.8', '2.8', 'v2_8'),
    ('2.9', '2.15', 'v2_9'), ('2.16', '2.18', 'v2_16'), ('2.19', '2.25', 'v2_19'), ('2.26', '2.44', 'v2_26'),
    ('2.45', '2.46', 'v2_45'), ('2.47', '2.47', 'v2_47'), ('2.48', '2.50', 'v2_48'), ('2.51', '2.53', 'v2_51'),
    ('2.54', '2.56', 'v2_54'), ('2.57', '2.57', 'v2_57'), ('2.58', '2.61', 'v2_58'), ('2.62', '2.62', 'v2_62'),
    ('2.63', '2.69', 'v2_63'), ('2.70', '2.70', 'v2_70'), ('2.71', '2.72', 'v2_71'), ('2.73', '2.74', 'v2_73'),
    ('2.75', '2.78', 'v2_75'), ('2.79', '2.79', 'v2_79'), ('2.80', '2.83', 'v2_80'), ('2.84', '2.88', 'v2_84'),
    ('2.89', '2.95', 'v2_89'), ('2.96', '2.96', 'v2_96'),
]

# tempest/lib/services/compute/flavors_client.py FlavorsClient.schema_versions_info.
FLAVORS = [(None, '2.54', 'v2_1'), ('2.55', '2.60', 'v2_55'), ('2.61', None, 'v2_61')]

# tempest/lib/services/compute/versions_client.py validates with v2_1 whatever the version.
VERSIONS = [(None, None, 'v2_1')]

# ServersClient.create_server() and action()'s default schema (server_actions_common_schema) use the v2_1 module
# whatever the version.
ACTIONS = [(None, None, 'v2_1')]

TABLES = {'servers': (SERVERS, 'servers'), 'flavors': (FLAVORS, 'flavors'), 'versions': (VERSIONS, 'versions'),
          'actions': (ACTIONS, 'servers')}


def parse(version):
    major, minor = version.split('.')
    return int(major), int(minor)


def module_for(client, version):
    table, name = TABLES[client]
    asked = parse(version)
    for low, high, package in table:
        if (low is None or parse(low) <= asked) and (high is None or asked <= parse(high)):
            return package, importlib.import_module(PREFIX + package + '.' + name)
    raise LookupError('no %s schema for %s' % (client, version))


VALIDATORS = {}


def validate(key, instance, schema):
    """jsonschema.validate as Tempest calls it, with the schema itself checked once rather than on every call."""
    validator = VALIDATORS.get(key)
    if validator is None:
        cls = jsonschema_validator.JSONSCHEMA_VALIDATOR
        cls.check_schema(schema)
        validator = VALIDATORS[key] = cls(schema, format_checker=jsonschema_validator.FORMAT_CHECKER)
    error = jsonschema.exceptions.best_match(validator.iter_errors(instance))
    if error is not None:
        raise error


def check(case):
    package, module = module_for(case['client'], case['version'])
    schema = getattr(module, case['schema'])
    where = '%s.%s' % (package, case['schema'])
    if case['status'] not in schema['status_code']:
        return where, 'status %s not in %s' % (case['status'], schema['status_code'])
    body = case.get('body')
    try:
        if schema.get('response_body'):
            validate((where, 'body'), body, schema['response_body'])
        elif body:
            return where, 'HTTP response body should not exist (%s)' % body
        if schema.get('response_header'):
            validate((where, 'header'), case.get('headers') or {}, schema['response_header'])
    except jsonschema.ValidationError as ex:
        path = '/'.join(str(p) for p in ex.absolute_path)
        return where, '%s at /%s' % (ex.message, path)
    return where, None


def main(path):
    with open(path, encoding='utf-8') as f:
        cases = json.load(f)
    failures = []
    for case in cases:
        where, error = check(case)
        if error:
            failures.append({'name': case['name'], 'version': case['version'], 'schema': where, 'error': error})
    json.dump({'checked': len(cases), 'failures': failures}, sys.stdout, indent=1)


if __name__ == '__main__':
    main(sys.argv[1])
