/**
 * The OpenAPI file (embedded at build time) as validators: every answer of the run and every event
 * is checked against it with Ajv (JSON Schema 2020-12, the dialect of OpenAPI 3.1).
 */
import Ajv2020 from 'ajv/dist/2020.js';
import addFormatsModule from 'ajv-formats';
import { parse } from 'yaml';
import specText from '../../contract/dm-api.openapi.yaml';

type Json = Record<string, unknown>;
type Validate = ((data: unknown) => boolean) & {
  errors?: Array<{ instancePath: string; message?: string }> | null;
};

const SPEC_ID = 'dm-api.openapi.yaml';
const pointer = (...parts: string[]) =>
  parts.map((p) => p.replace(/~/g, '~0').replace(/\//g, '~1')).join('/');

export class Contract {
  readonly spec: Json;
  readonly version: string;
  private ajv: InstanceType<typeof Ajv2020>;
  private cache = new Map<string, Validate | null>();
  private templates: Array<{ template: string; regex: RegExp }>;

  constructor(text: string = specText) {
    this.spec = parse(text) as Json;
    this.version = String((this.spec.info as Json).version);
    this.ajv = new Ajv2020({
      strict: false,
      allErrors: false,
      logger: false,
      validateFormats: true,
    });
    const addFormats = ((addFormatsModule as unknown as { default?: unknown }).default ??
      addFormatsModule) as (ajv: unknown) => void;
    addFormats(this.ajv);
    this.ajv.addSchema(this.spec as object, SPEC_ID);
    this.templates = Object.keys(this.spec.paths as Json).map((template) => ({
      template,
      regex: new RegExp(
        `^${template.replace(/[.*+?^$()|[\]\\]/g, '\\$&').replace(/\{[^}]+\}/g, '[^/]+')}$`,
      ),
    }));
  }

  /** The path template (`/clients/{clientId}/feed`) an API path (below the base) belongs to. */
  templateOf(path: string): string | null {
    return this.templates.find((t) => t.regex.test(path))?.template ?? null;
  }

  private compile(ref: string): Validate | null {
    if (!this.cache.has(ref)) {
      try {
        this.cache.set(ref, this.ajv.compile({ $ref: `${SPEC_ID}#${ref}` }) as Validate);
      } catch {
        this.cache.set(ref, null);
      }
    }
    return this.cache.get(ref)!;
  }

  private describe(v: Validate): string {
    const e = v.errors?.[0];
    return e ? `${e.instancePath || '(the body)'} ${e.message ?? 'is invalid'}` : 'does not match';
  }

  /**
   * Checks one answer: its status must be listed for the operation, and a JSON body must match
   * the listed schema. Returns null when it conforms, else what is wrong.
   */
  checkResponse(
    method: string,
    path: string,
    status: number,
    contentType: string,
    body: unknown,
  ): string | null {
    const template = this.templateOf(path);
    if (!template) return null;
    const op = ((this.spec.paths as Json)[template] as Json)[method.toLowerCase()] as
      Json | undefined;
    if (!op) return null;
    const responses = op.responses as Json;
    let key = String(status);
    if (!(key in responses)) {
      if (status === 401 || status === 429 || status >= 500) key = '';
      else
        return `status ${status} is not an answer of ${method} ${template} in the contract (${Object.keys(responses).join(', ')})`;
    }
    let response = key ? (responses[key] as Json) : { $ref: '#/components/responses/Error' };
    let base = key ? pointer('', 'paths', template, method.toLowerCase(), 'responses', key) : '';
    if (typeof response.$ref === 'string') {
      base = response.$ref.slice(1);
      response = ((this.spec.components as Json).responses as Json)[
        response.$ref.split('/').pop()!
      ] as Json;
    }
    const content = response.content as Json | undefined;
    if (!content) return null;
    const media = Object.keys(content)[0]!;
    if (media === 'application/json') {
      if (!/^application\/(.+\+)?json\b/i.test(contentType))
        return `Content-Type is "${contentType || 'missing'}", the contract says application/json`;
      const v = this.compile(`${base}/${pointer('content', media, 'schema')}`);
      if (v && !v(body)) return this.describe(v);
    }
    return null;
  }

  /** Checks the JSON data of a named event against its schema; unknown names pass (widgets ignore them). */
  checkEvent(name: string, data: unknown): string | null {
    const events = ((this.spec.paths as Json)['/events'] as Json).get as Json;
    const ref = ((events['x-dm-events'] as Json)[name] as Json | undefined)?.$ref;
    if (typeof ref !== 'string') return null;
    const v = this.compile(ref.slice(1));
    return v && !v(data) ? this.describe(v) : null;
  }

  /** Validates a value against a component schema, e.g. `Eligibility`. */
  checkSchema(name: string, value: unknown): string | null {
    const v = this.compile(`/components/schemas/${name}`);
    return v && !v(value) ? this.describe(v) : null;
  }
}
