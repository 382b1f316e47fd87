// Checks a CloudFormation template against CloudFormation's resource specification as the AWS CDK
// team publishes it (@aws-cdk/aws-service-spec, db.json.gz): every resource type exists, every property
// is one of its type's, required properties are there, values have the specified shape. Intrinsic
// functions (Ref, Fn::*) stand for any value.
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { gunzipSync } from 'node:zlib';

interface SpecType {
  type: string;
  element?: SpecType;
  types?: SpecType[];
  reference?: { $ref: string };
}
interface SpecProperty {
  type: SpecType;
  required?: boolean;
}
interface SpecEntity {
  $id: string;
  cloudFormationType?: string;
  primaryIdentifier?: string[];
  properties: Record<string, SpecProperty>;
}

let cached: { resources: Map<string, SpecEntity>; types: Map<string, SpecEntity> } | undefined;

function spec() {
  if (!cached) {
    const file = createRequire(__filename).resolve('@aws-cdk/aws-service-spec/db.json.gz');
    const db = JSON.parse(gunzipSync(readFileSync(file)).toString('utf8')) as { schema: { resource: { entities: SpecEntity[] }; typeDefinition: { entities: SpecEntity[] } } };
    cached = {
      resources: new Map(db.schema.resource.entities.map((entity) => [entity.cloudFormationType!, entity])),
      types: new Map(db.schema.typeDefinition.entities.map((entity) => [entity.$id, entity])),
    };
  }
  return cached;
}

const isObject = (value: unknown): value is Record<string, unknown> => typeof value === 'object' && value !== null && !Array.isArray(value);
const isIntrinsic = (value: unknown): boolean => isObject(value) && Object.keys(value).length === 1 && (Object.keys(value)[0] === 'Ref' || Object.keys(value)[0].startsWith('Fn::'));

function matches(value: unknown, type: SpecType, path: string, problems: string[]): void {
  if (isIntrinsic(value)) return;
  const fail = (what: string) => problems.push(`${path}: ${what}`);
  switch (type.type) {
    case 'string':
    case 'date-time':
      if (typeof value !== 'string') fail(`expected a string, got ${JSON.stringify(value)}`);
      return;
    case 'integer':
    case 'number':
      if (typeof value !== 'number') fail(`expected a number, got ${JSON.stringify(value)}`);
      return;
    case 'boolean':
      if (typeof value !== 'boolean') fail(`expected a boolean, got ${JSON.stringify(value)}`);
      return;
    case 'json':
      return;
    case 'tag':
      if (!isObject(value) || typeof value.Key !== 'string') fail('expected a tag { Key, Value }');
      return;
    case 'array':
      if (!Array.isArray(value)) fail('expected a list');
      else value.forEach((item, index) => matches(item, type.element!, `${path}[${index}]`, problems));
      return;
    case 'map':
      if (!isObject(value)) fail('expected a map');
      else for (const [key, item] of Object.entries(value)) matches(item, type.element!, `${path}.${key}`, problems);
      return;
    case 'union': {
      const passes = type.types!.some((candidate) => {
        const trial: string[] = [];
        matches(value, candidate, path, trial);
        return trial.length === 0;
      });
      if (!passes) fail(`matches none of ${type.types!.map((t) => t.type).join(', ')}`);
      return;
    }
    case 'ref': {
      const definition = spec().types.get(type.reference!.$ref);
      if (!definition) {
        fail(`unknown type ${type.reference!.$ref}`);
        return;
      }
      checkProperties(value, definition, path, problems);
      return;
    }
    default:
      fail(`unknown specification type ${type.type}`);
  }
}

function checkProperties(value: unknown, definition: SpecEntity, path: string, problems: string[]): void {
  if (!isObject(value)) {
    problems.push(`${path}: expected an object`);
    return;
  }
  for (const [name, child] of Object.entries(value)) {
    const property = definition.properties[name];
    if (!property) problems.push(`${path}.${name}: no such property`);
    else matches(child, property.type, `${path}.${name}`, problems);
  }
  for (const [name, property] of Object.entries(definition.properties)) {
    if (property.required && !(name in value)) problems.push(`${path}.${name}: required, missing`);
  }
}

/** Every problem of the template's resources, as `Resources.Id.Properties.Path: what`. */
export function specProblems(template: { Resources: Record<string, { Type: string; Properties?: unknown }> }): string[] {
  const problems: string[] = [];
  for (const [logicalId, resource] of Object.entries(template.Resources)) {
    const definition = spec().resources.get(resource.Type);
    if (!definition) problems.push(`${logicalId}: no resource type ${resource.Type}`);
    else checkProperties(resource.Properties ?? {}, definition, `${logicalId}.Properties`, problems);
  }
  return problems;
}

/** The names CloudFormation identifies a resource type by in an import. */
export const primaryIdentifier = (type: string): string[] | undefined => spec().resources.get(type)?.primaryIdentifier;
